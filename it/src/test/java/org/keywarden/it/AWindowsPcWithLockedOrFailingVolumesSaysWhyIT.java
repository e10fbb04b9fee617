package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.keywarden.agent.ExitCodes;

/**
 * A locked removable drive is reported but its key is left for when it is unlocked (the run still
 * succeeds); a WMI failure code is one clear line and the local-error exit code, and nothing is stored.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(126)
class AWindowsPcWithLockedOrFailingVolumesSaysWhyIT {
    static final String OS_KEY = "5B6C7D8E-9FA0-4B1C-9D2E-3F405162730A";
    static final String LOCKED_VOLUME = "7D8E9FA0-B1C2-4D3E-9F40-51627384950C";
    static final String LOCKED_KEY = "8E9FA0B1-C2D3-4E4F-8051-62738495A60D";
    static final String STICK_KEY = "C2D3E4F5-0617-4283-84A5-A6B7C8D9EA11";

    @TempDir
    Path state;


    @Test
    void aLockedDriveIsSkippedAndTheOthersAreEscrowed() {
        WindowsPc pc = new WindowsPc("removable-drives", state).withEnrollmentSecret();
        WindowsPc.Run run = pc.run();
        assertEquals(ExitCodes.OK, run.exitCode(), run.output());
        assertTrue(run.output().contains("volume " + pc.id(LOCKED_VOLUME) + " is locked; its key is escrowed once the "
                + "volume is unlocked"), run.output());
        assertEquals("ACTIVE", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", pc.id(OS_KEY)));
        assertEquals("ACTIVE", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", pc.id(STICK_KEY)));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM recovery_key WHERE recovery_key_id = ?", pc.id(LOCKED_KEY)));
        assertFalse(pc.commands().contains("password-" + LOCKED_KEY), "a locked volume's password is not even asked for");
        assertEquals(4, Database.count("SELECT COUNT(*) FROM volume WHERE device_id = ?", pc.deviceId()),
                "all four volumes are reported, the unencrypted one too");
    }

    @Test
    void aVolumeThatCannotBeListedIsLeftOutOfTheReport() {
        WindowsPc pc = new WindowsPc("listing-fails", state).withEnrollmentSecret();
        WindowsPc.Run run = pc.run();
        assertEquals(ExitCodes.LOCAL_ERROR, run.exitCode(), run.output());
        String unreadable = pc.id("5B7D1C2E-0A1B-4C3D-8E9F-102132435401");
        assertTrue(run.output().contains("error: volume " + unreadable + " not reported: its protectors could not be "
                + "read: Zugriff verweigert"), run.output());
        assertEquals(0, Database.count("SELECT COUNT(*) FROM volume WHERE volume_guid = ?", unreadable),
                "not reported with no protectors (which would count its superseded keys as removed)");
        assertEquals("ACTIVE", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?",
                pc.id("8A696888-99A7-4FAC-92C7-6CC497EA7BDF")), "the readable volume's key is escrowed");
    }

    @Test
    void aWmiFailureCodeIsOneClearLineAndNothingIsStored() {
        WindowsPc pc = new WindowsPc("wmi-failure-codes", state).withEnrollmentSecret();
        WindowsPc.Run run = pc.run();
        assertEquals(ExitCodes.LOCAL_ERROR, run.exitCode(), run.output());
        assertTrue(run.output().contains("failed: cannot read the recovery password of protector ")
                && run.output().contains("WMI returned 0x80310000 (FVE_E_LOCKED_VOLUME: the volume is locked"),
                run.output());
        assertEquals(0, Database.count("SELECT COUNT(*) FROM recovery_key WHERE device_id = ?", pc.deviceId()));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM tpm_owner_info WHERE device_id = ?", pc.deviceId()),
                "a TPM error code reports nothing");
    }
}
