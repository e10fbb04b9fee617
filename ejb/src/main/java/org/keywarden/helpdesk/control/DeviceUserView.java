package org.keywarden.helpdesk.control;

import java.time.Instant;

/** A user associated with a device, and since when. */
public record DeviceUserView(String principal, String source, Instant firstSeenAt, Instant lastSeenAt) {
}
