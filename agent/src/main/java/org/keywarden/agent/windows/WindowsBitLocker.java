package org.keywarden.agent.windows;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.keywarden.agent.bitlocker.BitLocker;
import org.keywarden.agent.bitlocker.BitLockerException;
import org.keywarden.agent.bitlocker.KeyProtector;
import org.keywarden.agent.bitlocker.ProtectorType;
import org.keywarden.agent.bitlocker.Volume;
import org.keywarden.client.Guids;

/**
 * BitLocker of this Windows PC through {@code Win32_EncryptableVolume} and {@code Win32_Tpm}, one
 * PowerShell script per call ({@link WmiScripts}). The volume list is read once and read again after a
 * protector was added or deleted. A protector is never deleted when it is the volume's last one or its
 * last recovery password.
 */
public final class WindowsBitLocker implements BitLocker {
    private static final Duration READ = Duration.ofSeconds(60);
    private static final Duration CHANGE = Duration.ofSeconds(120);

    private final PowerShell shell;
    private List<Volume> volumes;

    public WindowsBitLocker(PowerShell shell) {
        this.shell = shell;
    }

    @Override
    public synchronized List<Volume> volumes() {
        if (volumes == null) {
            volumes = WmiVolumes.parse(WmiOutput.json(WmiScripts.VOLUMES,
                    shell.run(WmiScripts.VOLUMES, WmiScripts.volumes(), READ)));
        }
        return volumes;
    }

    @Override
    public void refresh() {
        forgetVolumes();
    }

    @Override
    public KeyProtector addRecoveryPasswordProtector(String volumeId) {
        JsonObject answer = call(WmiScripts.ADD, volumeId, WmiScripts.addRecoveryPassword(volumeId), CHANGE,
                "cannot add a recovery password protector to volume " + Guids.normalize(volumeId));
        forgetVolumes();
        String id = WmiOutput.string(answer, "VolumeKeyProtectorID");
        if (!Guids.isGuid(id)) {
            throw new BitLockerException("Windows added a recovery password protector to volume "
                    + Guids.normalize(volumeId) + " but returned no protector id");
        }
        return new KeyProtector(Guids.normalize(id), ProtectorType.RECOVERY_PASSWORD);
    }

    @Override
    public String recoveryPassword(String volumeId, String protectorId) {
        JsonObject answer = call(WmiScripts.PASSWORD, volumeId, WmiScripts.password(volumeId, protectorId), READ,
                "cannot read the recovery password of protector " + Guids.normalize(protectorId));
        String password = WmiOutput.string(answer, "NumericalPassword");
        if (password == null || !password.matches("\\d{6}(-\\d{6}){7}")) {
            throw new BitLockerException("Windows returned no 48-digit recovery password for protector "
                    + Guids.normalize(protectorId));
        }
        return password;
    }

    @Override
    public byte[] keyPackage(String volumeId, String protectorId) {
        JsonObject answer = call(WmiScripts.KEY_PACKAGE, volumeId, WmiScripts.keyPackage(volumeId, protectorId), READ,
                "cannot read the key package of protector " + Guids.normalize(protectorId));
        String encoded = WmiOutput.string(answer, "KeyPackage");
        try {
            byte[] bytes = encoded == null ? new byte[0] : Base64.getDecoder().decode(encoded);
            if (bytes.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            throw new BitLockerException("Windows returned no key package for protector " + Guids.normalize(protectorId));
        }
    }

    @Override
    public void removeProtector(String volumeId, String protectorId) {
        Volume volume = volume(volumeId).orElseThrow(() -> noVolume(volumeId));
        KeyProtector protector = volume.protector(protectorId).orElseThrow(() -> new BitLockerException(
                "volume " + volume.volumeId() + " has no protector " + Guids.normalize(protectorId)));
        if (volume.protectors().size() < 2) {
            throw new BitLockerException("refusing to delete protector " + protector.id()
                    + ": it is the last key protector of volume " + volume.volumeId());
        }
        if (protector.isRecoveryPassword() && volume.recoveryPasswordProtectors().size() < 2) {
            throw new BitLockerException("refusing to delete protector " + protector.id()
                    + ": it is the last recovery password of volume " + volume.volumeId());
        }
        call(WmiScripts.DELETE, volumeId, WmiScripts.delete(volumeId, protectorId), CHANGE,
                "cannot delete protector " + protector.id() + " of volume " + volume.volumeId());
        forgetVolumes();
    }

    @Override
    public Optional<byte[]> tpmOwnerAuthHash() {
        JsonObject answer = WmiOutput.object(WmiScripts.TPM, shell.run(WmiScripts.TPM, WmiScripts.tpmOwnerAuth(), READ));
        String auth = WmiOutput.string(answer, "OwnerAuth");
        if (!WmiOutput.bool(answer, "Present") || WmiOutput.number(answer, "ReturnValue", 1) != 0 || auth == null) {
            return Optional.empty(); // no TPM, or Windows discarded the owner authorization (the default since 1607)
        }
        try {
            return Optional.of(Base64.getDecoder().decode(auth));
        } catch (IllegalArgumentException e) {
            throw new BitLockerException("Windows returned a TPM owner authorization that is not base64");
        }
    }

    private JsonObject call(String operation, String volumeId, String script, Duration timeout, String failure) {
        JsonObject answer = WmiOutput.object(operation, shell.run(operation, script, timeout));
        if (!WmiOutput.bool(answer, "Found")) {
            forgetVolumes();
            throw noVolume(volumeId);
        }
        long code = WmiOutput.number(answer, "ReturnValue", -1);
        if (code != 0) {
            throw new BitLockerException(failure + ": WMI returned " + WmiReturnCodes.describe(code));
        }
        return answer;
    }

    private static BitLockerException noVolume(String volumeId) {
        return new BitLockerException("Windows has no BitLocker volume " + Guids.normalize(volumeId));
    }

    private synchronized void forgetVolumes() {
        volumes = null;
    }
}
