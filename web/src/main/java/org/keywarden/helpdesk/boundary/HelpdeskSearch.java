package org.keywarden.helpdesk.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Optional;
import org.keywarden.disclosure.control.FindRecoveryKeys;
import org.keywarden.disclosure.control.KeyIds;
import org.keywarden.disclosure.control.KeyListing;
import org.keywarden.helpdesk.control.DeviceListing;
import org.keywarden.helpdesk.control.FindDevices;

/**
 * {@code /helpdesk/search?q=}: a recovery key ID (8 to 32 hex digits) finds its key; when several keys
 * share what was given, the page asks for the full ID and lists none of them (DESIGN rule 6). Anything
 * else, or hex digits that match no key, is taken as a computer name: every device record of that name.
 */
@Named
@RequestScoped
public class HelpdeskSearch {

    static final int MAX_QUERY = 255;

    @Inject
    FindRecoveryKeys keys;

    @Inject
    FindDevices devices;

    private String q;
    private boolean searched;
    private boolean invalid;
    private boolean ambiguous;
    private KeyListing key;
    private List<DeviceListing> found = List.of();

    /** Runs the search of the URL's {@code q} (a view action). */
    public void search() {
        if (q == null || q.isBlank()) {
            return;
        }
        searched = true;
        String text = q.strip();
        if (text.length() > MAX_QUERY || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            invalid = true;
            return;
        }
        Optional<String> hex = KeyIds.hexDigits(text);
        if (hex.isPresent()) {
            List<KeyListing> matches = keys.byKeyIdPrefix(hex.get());
            if (matches.size() == 1) {
                key = matches.get(0);
                return;
            }
            if (matches.size() > 1) {
                ambiguous = true;
                return;
            }
        }
        found = devices.byHostname(text);
    }

    public String getQ() { return q; }
    public void setQ(String q) { this.q = q; }
    public boolean isSearched() { return searched; }
    public boolean isInvalid() { return invalid; }
    public boolean isAmbiguous() { return ambiguous; }
    public KeyListing getKey() { return key; }
    public List<DeviceListing> getDevices() { return found; }

    /** Nothing matched: neither a key nor a computer of that name. */
    public boolean isNothingFound() {
        return searched && !invalid && !ambiguous && key == null && found.isEmpty();
    }
}
