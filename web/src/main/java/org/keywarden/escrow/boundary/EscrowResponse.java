package org.keywarden.escrow.boundary;

import java.time.Instant;

/** What the device learns about a key it escrowed: never the key itself. */
public record EscrowResponse(String recoveryKeyId, String state, Instant escrowedAt) {
}
