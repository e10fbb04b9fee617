package org.keywarden.agent.bitlocker;

import org.keywarden.client.Guids;
import java.util.List;
import java.util.Optional;

/**
 * What the agent needs from BitLocker on a device. A Windows implementation maps these onto
 * {@code Win32_EncryptableVolume} (GetKeyProtectors, ProtectKeyWithNumericalPassword,
 * GetKeyProtectorNumericalPassword, GetKeyPackage, DeleteKeyProtector) and {@code Win32_Tpm}
 * (GetOwnerAuth).
 *
 * <p>Volume and protector ids are GUIDs; methods accept them with or without braces in any case
 * and return them upper case without braces. Methods returning secrets say so; callers must never
 * print or log what they return.
 */
public interface BitLocker {

    /** All BitLocker volumes with their protectors, without secrets. */
    List<Volume> volumes();

    /** Forgets what was read, so the next call reads the volumes again (each agent cycle starts so). */
    default void refresh() {
    }

    /** The volume with this id, if present. */
    default Optional<Volume> volume(String volumeId) {
        String wanted = Guids.normalize(volumeId);
        return volumes().stream().filter(v -> v.volumeId().equals(wanted)).findFirst();
    }

    /**
     * Adds a recovery password protector with a freshly generated password.
     *
     * @return the new protector (its id is the recovery key ID)
     * @throws BitLockerException if the volume does not exist or the protector cannot be added
     */
    KeyProtector addRecoveryPasswordProtector(String volumeId);

    /**
     * The 48-digit recovery password of a recovery password protector. <strong>Secret.</strong>
     *
     * @throws BitLockerException if there is no such recovery password protector
     */
    String recoveryPassword(String volumeId, String protectorId);

    /**
     * The key package (binary) of a protector, used to recover data from a damaged volume.
     * <strong>Secret.</strong>
     *
     * @throws BitLockerException if there is no such protector
     */
    byte[] keyPackage(String volumeId, String protectorId);

    /**
     * Removes a key protector from a volume.
     *
     * @throws BitLockerException if there is no such protector or it cannot be removed
     */
    void removeProtector(String volumeId, String protectorId);

    /**
     * The TPM owner authorization hash (decoded from its base64 form), if the device has an owned
     * TPM whose owner auth is known to Windows. <strong>Secret.</strong>
     */
    Optional<byte[]> tpmOwnerAuthHash();
}
