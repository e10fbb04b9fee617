package org.keywarden.agent.state;

import java.util.List;

/**
 * A rotation in progress: a new recovery password protector replaces an old one, and the old one stays
 * until the server has acknowledged the new key.
 *
 * @param volumeId         the volume
 * @param oldRecoveryKeyId the protector being replaced
 * @param newRecoveryKeyId its replacement, or null while it is being added (the agent records the rotation
 *                         before it asks Windows for the new protector, so a crash in between is recovered)
 * @param knownBefore      the volume's protectors before the new one was added, to recognise it after a crash
 */
public record PendingReplacement(String volumeId, String oldRecoveryKeyId, String newRecoveryKeyId,
                                 List<String> knownBefore) {
    public PendingReplacement {
        knownBefore = knownBefore == null ? List.of() : List.copyOf(knownBefore);
    }

    public PendingReplacement(String volumeId, String oldRecoveryKeyId, String newRecoveryKeyId) {
        this(volumeId, oldRecoveryKeyId, newRecoveryKeyId, List.of());
    }
}
