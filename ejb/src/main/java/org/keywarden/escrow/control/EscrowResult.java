package org.keywarden.escrow.control;

import java.time.Instant;
import org.keywarden.escrow.entity.KeyState;

/** What an escrow attempt did. A conflict changed nothing but the audit trail. */
public record EscrowResult(Outcome outcome, String recoveryKeyId, KeyState state, Instant escrowedAt, String conflict) {

    public enum Outcome {
        STORED,
        ALREADY_STORED,
        CONFLICT
    }

    static EscrowResult conflict(String recoveryKeyId, String why) {
        return new EscrowResult(Outcome.CONFLICT, recoveryKeyId, null, null, why);
    }
}
