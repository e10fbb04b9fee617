package org.keywarden.helpdesk.control;

import java.time.Instant;

/** The life of one recovery key, without its secret: escrowed, disclosed (by whom), rotation, superseded, removed. */
public record KeyHistory(String recoveryKeyId, String state, Instant escrowedAt, Instant disclosedAt, String disclosedBy,
                         Instant rotationRequestedAt, String supersededBy, Instant supersededAt,
                         Instant verifiedRemovedAt, boolean hasKeyPackage) {

    /** Keys still on the disk can be recovered; a superseded or removed one is history. */
    public boolean recoverable() {
        return "ACTIVE".equals(state) || "DISCLOSED".equals(state);
    }
}
