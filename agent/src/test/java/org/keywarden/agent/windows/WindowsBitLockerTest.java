package org.keywarden.agent.windows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.keywarden.agent.bitlocker.BitLockerException;
import org.keywarden.agent.bitlocker.KeyProtector;
import org.keywarden.agent.bitlocker.ProtectorType;
import org.keywarden.agent.bitlocker.Volume;
import org.keywarden.agent.bitlocker.VolumeType;
import org.keywarden.client.RecoveryPasswords;

/** The Windows BitLocker reads the recorded outputs of real shapes right, and refuses what is unsafe. */
class WindowsBitLockerTest {
    static final String OFFICE_OS = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";
    static final String OFFICE_A = "8A696888-99A7-4FAC-92C7-6CC497EA7BDF";

    @Test
    void twoVolumesWithTheirProtectorsAndStatus() {
        ReplayingPowerShell pc = new ReplayingPowerShell("office-pc");
        List<Volume> volumes = new WindowsBitLocker(pc).volumes();
        assertEquals(2, volumes.size());
        Volume os = volumes.get(0);
        assertEquals(OFFICE_OS, os.volumeId());
        assertEquals(VolumeType.OS, os.type());
        assertEquals("C:", os.driveLetter());
        assertEquals("XTS_AES_256", os.encryptionMethod());
        assertEquals("FULLY_ENCRYPTED", os.conversionStatus());
        assertEquals("ON", os.protectionStatus());
        assertEquals(List.of(new KeyProtector("6A6E3B16-4F0C-4B8E-9C1A-2D3E4F5A6B01", ProtectorType.TPM),
                new KeyProtector(OFFICE_A, ProtectorType.RECOVERY_PASSWORD)), os.protectors());
        assertEquals(Boolean.TRUE, os.compliant());
        Volume data = volumes.get(1);
        assertEquals(VolumeType.FIXED, data.type());
        assertEquals(List.of(ProtectorType.RECOVERY_PASSWORD, ProtectorType.EXTERNAL_KEY),
                data.protectors().stream().map(KeyProtector::type).toList());
        assertEquals(List.of("volumes"), pc.names(), "one listing, cached");
    }

    @Test
    void aSingleVolumeUnwrappedFromItsArrayWithTwoRecoveryPasswords() {
        WindowsBitLocker bitLocker = new WindowsBitLocker(new ReplayingPowerShell("laptop-single-volume"));
        Volume only = bitLocker.volumes().get(0);
        assertEquals(1, bitLocker.volumes().size());
        assertEquals("XTS_AES_128", only.encryptionMethod());
        assertEquals(ProtectorType.TPM_PIN, only.protectors().get(0).type());
        assertEquals(2, only.recoveryPasswordProtectors().size());
        for (KeyProtector p : only.recoveryPasswordProtectors()) {
            assertTrue(RecoveryPasswords.isValid(bitLocker.recoveryPassword(only.volumeId(), p.id())));
            assertTrue(bitLocker.keyPackage(only.volumeId(), p.id()).length > 0);
        }
        assertEquals(20, bitLocker.tpmOwnerAuthHash().orElseThrow().length, "Windows kept the owner auth here");
    }

    @Test
    void removableLockedAndUnencryptedVolumes() {
        List<Volume> volumes = new WindowsBitLocker(new ReplayingPowerShell("removable-drives")).volumes();
        assertEquals(4, volumes.size());
        Volume locked = volumes.get(1);
        assertEquals(VolumeType.REMOVABLE, locked.type());
        assertTrue(locked.locked());
        assertEquals("UNKNOWN", locked.conversionStatus(), "GetConversionStatus fails on a locked volume");
        assertEquals("UNKNOWN", locked.protectionStatus());
        assertNull(locked.compliant(), "unknown while locked");
        assertEquals(1, locked.recoveryPasswordProtectors().size());
        Volume plain = volumes.get(2);
        assertEquals("FULLY_DECRYPTED", plain.conversionStatus());
        assertTrue(plain.protectors().isEmpty());
        assertEquals(Boolean.FALSE, plain.compliant());
        Volume stick = volumes.get(3);
        assertEquals(VolumeType.REMOVABLE, stick.type());
        assertEquals(List.of(ProtectorType.PASSWORD, ProtectorType.RECOVERY_PASSWORD),
                stick.protectors().stream().map(KeyProtector::type).toList());
        assertEquals("AES_256", stick.encryptionMethod());
        assertFalse(stick.locked());
    }

    @Test
    void aVolumeThatCannotBeListedHasUnknownNotNoProtectors() {
        List<Volume> volumes = new WindowsBitLocker(new ReplayingPowerShell("listing-fails")).volumes();
        assertTrue(volumes.get(0).protectorsKnown());
        Volume unreadable = volumes.get(1);
        assertFalse(unreadable.protectorsKnown());
        assertTrue(unreadable.protectors().isEmpty());
        assertTrue(unreadable.listingError().contains("Zugriff verweigert") && unreadable.listingError()
                .contains("WBEM_E_ACCESS_DENIED"), unreadable.listingError());
        Volume off = new WindowsBitLocker(new ReplayingPowerShell("removable-drives")).volumes().get(2);
        assertTrue(off.protectorsKnown(), "FVE_E_NOT_ACTIVATED is truly no protectors");
    }

    @Test
    void outputThatIsNotJsonIsNotShownWhereItMayHoldASecret() {
        BitLockerException e = assertThrows(BitLockerException.class, () -> new WindowsBitLocker(
                new ReplayingPowerShell("not-json")).recoveryPassword(OFFICE_OS, OFFICE_A));
        assertEquals("PowerShell printed no JSON for password (output not shown)", e.getMessage());
    }

    @Test
    void aWmiFailureCodeIsExplained() {
        WindowsBitLocker bitLocker = new WindowsBitLocker(new ReplayingPowerShell("wmi-failure-codes"));
        Volume os = bitLocker.volumes().get(0);
        String key = os.recoveryPasswordProtectors().get(0).id();
        BitLockerException e = assertThrows(BitLockerException.class, () -> bitLocker.recoveryPassword(os.volumeId(), key));
        assertTrue(e.getMessage().contains("0x80310000 (FVE_E_LOCKED_VOLUME: the volume is locked"), e.getMessage());
        assertTrue(bitLocker.tpmOwnerAuthHash().isEmpty(), "a TPM error code means no owner auth to report");
    }

    @Test
    void noTpmOwnerAuthIsNotAnError() {
        assertTrue(new WindowsBitLocker(new ReplayingPowerShell("office-pc")).tpmOwnerAuthHash().isEmpty());
        assertTrue(new WindowsBitLocker(new ReplayingPowerShell("removable-drives")).tpmOwnerAuthHash().isEmpty());
    }

    @Test
    void neverDeletesTheLastProtectorOrTheLastRecoveryPassword() {
        ReplayingPowerShell pc = new ReplayingPowerShell("office-pc");
        WindowsBitLocker bitLocker = new WindowsBitLocker(pc);
        BitLockerException lastPassword = assertThrows(BitLockerException.class,
                () -> bitLocker.removeProtector(OFFICE_OS, OFFICE_A));
        assertTrue(lastPassword.getMessage().contains("last recovery password"), lastPassword.getMessage());
        ReplayingPowerShell laptop = new ReplayingPowerShell("removable-drives");
        BitLockerException last = assertThrows(BitLockerException.class, () -> new WindowsBitLocker(laptop)
                .removeProtector("7D8E9FA0-B1C2-4D3E-9F40-51627384950C", "8E9FA0B1-C2D3-4E4F-8051-62738495A60D"));
        assertTrue(last.getMessage().contains("last key protector"), last.getMessage());
        assertFalse(pc.names().stream().anyMatch(n -> n.startsWith("delete")));
        assertFalse(laptop.names().stream().anyMatch(n -> n.startsWith("delete")));
    }

    @Test
    void onlyGuidsGoIntoAScript() {
        ReplayingPowerShell pc = new ReplayingPowerShell("office-pc");
        WindowsBitLocker bitLocker = new WindowsBitLocker(pc);
        assertThrows(IllegalArgumentException.class, () -> bitLocker.recoveryPassword("'; Remove-Item C:\\ #", OFFICE_A));
        assertThrows(IllegalArgumentException.class, () -> bitLocker.addRecoveryPasswordProtector("C:"));
        assertTrue(pc.commands().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> WmiScripts.taskInterval("Keywarden", "x'; evil", 90));
    }
}
