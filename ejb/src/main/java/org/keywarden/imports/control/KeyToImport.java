package org.keywarden.imports.control;

import java.time.Instant;
import org.keywarden.escrow.control.RecoveryPassword;
import org.keywarden.escrow.entity.VolumeType;

/**
 * One validated key of an import: GUIDs normalized, hostname upper case, the password checked.
 * {@link #toString()} leaves out the password and the key package.
 *
 * @param index      its position in the request, for the report
 * @param volumeGuid the volume GUID, or null when the source has none (Entra ID)
 * @param volumeType the volume type, or null when the source does not say
 * @param createdAt  when the source stored it, or null
 */
public record KeyToImport(int index, String hostname, String domain, String recoveryKeyId, String volumeGuid,
                          VolumeType volumeType, RecoveryPassword recoveryPassword, byte[] keyPackage,
                          Instant createdAt) {

    @Override
    public String toString() {
        return "KeyToImport[index=" + index + ", hostname=" + hostname + ", key=" + recoveryKeyId + "]";
    }
}
