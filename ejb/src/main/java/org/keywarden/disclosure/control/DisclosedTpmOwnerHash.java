package org.keywarden.disclosure.control;

import java.time.Instant;

/** A disclosed TPM owner authorization hash (base64), on its way to the one person allowed to see it. */
public record DisclosedTpmOwnerHash(String deviceId, String ownerAuthHash, Instant reportedAt) {

    @Override
    public String toString() {
        return "DisclosedTpmOwnerHash[" + deviceId + "]";
    }
}
