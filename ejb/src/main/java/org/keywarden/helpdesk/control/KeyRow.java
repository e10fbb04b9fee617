package org.keywarden.helpdesk.control;

import java.time.Instant;
import org.keywarden.escrow.entity.KeyState;

/** A key of a device as the device page's query reads it (no sealed value); public for the constructor expression. */
public record KeyRow(String recoveryKeyId, String volumeId, KeyState state, Instant escrowedAt, Instant disclosedAt,
                     Instant rotationRequestedAt, String supersededBy, Instant supersededAt, Instant verifiedRemovedAt,
                     Boolean hasKeyPackage) {

    KeyHistory history(String disclosedBy) {
        return new KeyHistory(recoveryKeyId, state.name(), escrowedAt, disclosedAt, disclosedBy, rotationRequestedAt,
                supersededBy, supersededAt, verifiedRemovedAt, Boolean.TRUE.equals(hasKeyPackage));
    }
}
