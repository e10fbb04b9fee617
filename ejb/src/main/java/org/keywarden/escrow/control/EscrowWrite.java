package org.keywarden.escrow.control;

import java.time.Instant;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.escrow.entity.VolumeType;

/**
 * All a grouped escrow writes: the volume when it is new, the new key with its sealed values, the
 * superseding of the device's own key it replaces (or none), and its audit event.
 */
record EscrowWrite(String deviceId, boolean newVolume, String volumeId, String volumeGuid, VolumeType volumeType,
                   String driveLetter, String recoveryKeyId, byte[] sealedPassword, byte[] sealedPackage,
                   String sealedWith, String supersedes, Instant escrowedAt, AuditRecord audit) {
}
