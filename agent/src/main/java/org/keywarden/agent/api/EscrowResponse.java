package org.keywarden.agent.api;

import java.time.Instant;

/**
 * Answer to an escrow: 201 when the key was new, 200 when the identical key was already stored.
 *
 * @param httpStatus    200 or 201
 * @param recoveryKeyId the key id as the server stores it
 * @param state         the key's state, for example {@code ACTIVE}
 * @param escrowedAt    when the server stored it, or {@code null} if it did not say
 */
public record EscrowResponse(int httpStatus, String recoveryKeyId, String state, Instant escrowedAt) {

    /** Whether the server stored a new key (201) rather than confirming a stored one (200). */
    public boolean created() {
        return httpStatus == 201;
    }
}
