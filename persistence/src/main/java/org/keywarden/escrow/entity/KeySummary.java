package org.keywarden.escrow.entity;

import java.time.Instant;

/**
 * What a check-in needs to know of a stored key: no sealed values, and not a managed entity, so
 * reading a device's keys at every check-in neither transfers nor tracks them.
 */
public record KeySummary(String recoveryKeyId, String volumeId, KeyState state, Instant rotationRequestedAt) {

    public static KeySummary of(RecoveryKey key) {
        return new KeySummary(key.getRecoveryKeyId(), key.getVolumeId(), key.getState(), key.getRotationRequestedAt());
    }
}
