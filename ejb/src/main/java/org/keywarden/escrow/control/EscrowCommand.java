package org.keywarden.escrow.control;

import org.keywarden.escrow.entity.VolumeType;

/**
 * A validated escrow request: GUIDs normalized, the password checked. {@link #toString()} leaves
 * out the password and the key package.
 */
public record EscrowCommand(String volumeGuid, VolumeType volumeType, String driveLetter, String recoveryKeyId,
                            RecoveryPassword recoveryPassword, byte[] keyPackage, String replaces) {

    @Override
    public String toString() {
        return "EscrowCommand[volume=" + volumeGuid + ", key=" + recoveryKeyId + ", replaces=" + replaces + "]";
    }
}
