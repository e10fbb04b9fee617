package org.keywarden.disclosure.boundary;

import java.util.List;
import org.keywarden.disclosure.control.KeyListing;

/** Keys found by a search; never a secret. */
public record KeysResponse(List<KeyListing> keys) {
}
