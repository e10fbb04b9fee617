package org.keywarden.portal.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;

/** {@code #{kwTime.of(t)}}: a time as text for message parameters, in the portals' one format. */
@Named("kwTime")
@ApplicationScoped
public class PortalTime {

    public String of(Instant time) {
        return time == null ? "\u2013" : InstantConverter.FORMAT.format(time);
    }
}
