package org.keywarden.portal.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.keywarden.settings.control.LiveSettings;
import org.keywarden.disclosure.control.DisclosedKey;
import org.keywarden.disclosure.control.KeyListing;

/**
 * A disclosed key on its way to the one page that shows it, in request scope only: gone when the
 * answer is written, never in a session, the view state or a URL.
 */
@Named
@RequestScoped
public class ShownKey {

    @Inject
    LiveSettings settings;

    private DisclosedKey key;
    private KeyListing listing;

    public void show(DisclosedKey disclosed, KeyListing where) {
        this.key = disclosed;
        this.listing = where;
    }

    public boolean isPresent() {
        return key != null;
    }

    /** The 48 digits in their 8 groups of 6, as the recovery screen asks for them. */
    public List<String> getGroups() {
        return key == null ? List.of() : List.of(key.recoveryPassword().split("-"));
    }


    public KeyListing getListing() {
        return listing;
    }

    public long getAutoHideSeconds() {
        return Math.max(1, settings.current().keyAutoHide().toSeconds());
    }

    /** Minutes, for the page's message (which formats the number in the page's language). */
    public double getAutoHideMinutes() {
        return getAutoHideSeconds() / 60.0;
    }
}
