package org.keywarden.agent.bitlocker;

import org.keywarden.client.RecoveryPasswords;
import org.keywarden.client.Guids;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimulatedBitLockerTest {
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<JsonObject> saved = new AtomicReference<>();

    @Test
    void osVolumeGetsTpmAndRecoveryPasswordProtectors() {
        SimulatedBitLocker bl = SimulatedBitLocker.empty(random, saved::set);
        Volume os = bl.encryptNewVolume(VolumeType.OS, null);
        assertEquals("C:", os.driveLetter());
        assertEquals(List.of(ProtectorType.TPM, ProtectorType.RECOVERY_PASSWORD),
                os.protectors().stream().map(KeyProtector::type).toList());
        assertEquals("XTS_AES_256", os.encryptionMethod());
        assertEquals("FULLY_ENCRYPTED", os.conversionStatus());
        assertEquals("ON", os.protectionStatus());
        assertTrue(Guids.isGuid(os.volumeId()));
        String rp = os.recoveryPasswordProtectors().get(0).id();
        assertTrue(RecoveryPasswords.isValid(bl.recoveryPassword(os.volumeId(), rp)));

        Volume data = bl.encryptNewVolume(VolumeType.FIXED, null);
        assertEquals("D:", data.driveLetter());
        assertEquals(List.of(ProtectorType.RECOVERY_PASSWORD), data.protectors().stream().map(KeyProtector::type).toList());
        assertThrows(BitLockerException.class, () -> bl.encryptNewVolume(VolumeType.REMOVABLE, "d:"));
    }

    @Test
    void addAndRemoveProtectors() {
        SimulatedBitLocker bl = SimulatedBitLocker.empty(random, saved::set);
        Volume v = bl.encryptNewVolume(VolumeType.FIXED, "E:");
        String first = v.recoveryPasswordProtectors().get(0).id();
        KeyProtector second = bl.addRecoveryPasswordProtector(v.volumeId().toLowerCase());
        assertEquals(ProtectorType.RECOVERY_PASSWORD, second.type());
        assertNotEquals(bl.recoveryPassword(v.volumeId(), first), bl.recoveryPassword(v.volumeId(), second.id()));
        assertEquals(2, bl.volume(v.volumeId()).orElseThrow().recoveryPasswordProtectors().size());

        bl.removeProtector(v.volumeId(), "{" + first + "}");
        Volume after = bl.volume(v.volumeId()).orElseThrow();
        assertEquals(List.of(second), after.protectors());
        assertThrows(BitLockerException.class, () -> bl.removeProtector(v.volumeId(), first));
        assertThrows(BitLockerException.class, () -> bl.recoveryPassword(v.volumeId(), first));
        assertThrows(BitLockerException.class, () -> bl.addRecoveryPasswordProtector(Guids.newGuid()));
    }

    @Test
    void everyChangeIsPersistedAndRestoresIdentically() {
        SimulatedBitLocker bl = SimulatedBitLocker.empty(random, saved::set);
        Volume os = bl.encryptNewVolume(VolumeType.OS, null);
        KeyProtector extra = bl.addRecoveryPasswordProtector(os.volumeId());
        byte[] tpm = bl.tpmOwnerAuthHash().orElseThrow();
        assertTrue(tpm.length >= 20 && tpm.length <= 32);
        byte[] keyPackage = bl.keyPackage(os.volumeId(), extra.id());
        assertTrue(keyPackage.length >= 256);

        SimulatedBitLocker restored = SimulatedBitLocker.fromJson(saved.get(), random, saved::set);
        assertEquals(bl.volumes(), restored.volumes());
        assertEquals(bl.recoveryPassword(os.volumeId(), extra.id()), restored.recoveryPassword(os.volumeId(), extra.id()));
        assertArrayEquals(keyPackage, restored.keyPackage(os.volumeId(), extra.id()));
        assertArrayEquals(tpm, restored.tpmOwnerAuthHash().orElseThrow(), "TPM owner hash is stable");

        restored.removeProtector(os.volumeId(), extra.id());
        assertFalse(SimulatedBitLocker.fromJson(saved.get(), random, null).volumes().get(0).protector(extra.id()).isPresent());
    }

    @Test
    void toStringShowsNoSecret() {
        SimulatedBitLocker bl = SimulatedBitLocker.empty(random, saved::set);
        Volume v = bl.encryptNewVolume(VolumeType.OS, null);
        String password = bl.recoveryPassword(v.volumeId(), v.recoveryPasswordProtectors().get(0).id());
        assertFalse(bl.toString().contains(password));
        assertFalse(v.toString().contains(password));
    }
}
