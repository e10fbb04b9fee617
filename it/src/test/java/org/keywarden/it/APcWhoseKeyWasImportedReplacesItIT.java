package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PC whose key was imported from MBAM enrolls with the agent. Its status lists the imported protector:
 * the key is not moved to the new record and not asked for again (anyone with the enrollment secret could
 * claim a key by reporting its ID): the PC is asked to rotate it, so within one run it holds a key of its
 * own and the imported protector is gone from its disk. The imported record is not changed by the PC's word
 * (a hostname and a key ID prove nothing): its key stays as it was, and the helpdesk pages link the records.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(128)
class APcWhoseKeyWasImportedReplacesItIT {
    static final String OS = AWindowsPcEscrowsAndRotatesItsKeysIT.OS;
    static final String A = AWindowsPcEscrowsAndRotatesItsKeysIT.A;
    static final String B = AWindowsPcEscrowsAndRotatesItsKeysIT.B;
    static final String C = AWindowsPcEscrowsAndRotatesItsKeysIT.C;

    @TempDir
    Path state;


    @Test
    void theImportedKeyIsRotatedNotClaimed() throws Exception {
        WindowsPc pc = new WindowsPc("office-pc", state).withEnrollmentSecret();
        String imported = pc.id(A);
        Http.Reply reply = AdminApi.post("/admin/imports", Json.createObjectBuilder().add("source", "MBAM")
                .add("keys", Json.createArrayBuilder().add(Json.createObjectBuilder().add("hostname", "PC-0042")
                        .add("domain", "CORP").add("recoveryKeyId", imported).add("volumeId", pc.id(OS))
                        .add("recoveryPassword", Secrets.remember(recordedPassword(A))))).build().toString());
        assertEquals(1, reply.json().getInt("imported"), reply::toString);
        String record = Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?", imported);

        WindowsPc.Run first = pc.run();
        assertEquals(0, first.exitCode(), first.output());
        String device = pc.deviceId();
        assertFalse(pc.commands().contains("password-" + A), "the imported key is not escrowed again: "
                + pc.commands());
        assertTrue(pc.commands().contains("password-" + B), "the PC's other key is escrowed");
        assertTrue(pc.commands().contains("password-" + C)
                && pc.commands().indexOf("password-" + C) < pc.commands().indexOf("delete-" + A),
                "rotated in the safe order: " + pc.commands());
        assertEquals(record, Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?", imported),
                "the imported key stays on its record");
        assertEquals(device, Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?", pc.id(C)));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM audit_event WHERE device_id = ? AND outcome = 'FAILURE'",
                device), "no refused escrow");
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE device_id = ? AND action = 'KEY_ESCROW' "
                + "AND detail LIKE ?", device, "replaces " + imported + " of the earlier device record " + record + "%"));

        WindowsPc.Run second = pc.run();
        assertEquals(0, second.exitCode(), second.output());
        assertEquals(1, pc.commands().stream().filter(c -> c.startsWith("add-")).count(), "rotated once: " + pc.commands());
        assertEquals("ACTIVE", state(imported), "the imported record is not changed by the PC's word");
        assertEquals(null, Database.single("SELECT superseded_by FROM recovery_key WHERE recovery_key_id = ?", imported));
        assertEquals("ACTIVE", state(pc.id(C)));
        assertEquals("MBAM", Database.text("SELECT imported_from FROM device WHERE device_id = ?", record));

        try (Browser browser = Browser.open()) {
            SignInPage.signInToHelpdesk(browser, TestUsers.create("HELPDESK"));
            DevicePage importedRecord = DevicePage.open(browser, record);
            assertEquals("MBAM", importedRecord.fact("imported"));
            assertTrue(importedRecord.otherRecordIds().contains(device), "links the PC's own record");
            DevicePage own = DevicePage.open(browser, device);
            assertTrue(own.otherRecordIds().contains(record), "and the PC's record links the imported one");
        }
    }

    private static String state(String keyId) {
        return Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", keyId);
    }

    /** The password the recording gives for this protector. */
    private static String recordedPassword(String protector) throws Exception {
        try (InputStream in = APcWhoseKeyWasImportedReplacesItIT.class.getResourceAsStream(
                "/powershell/office-pc/password-" + protector + ".stdout")) {
            JsonObject o = Json.createReader(new java.io.StringReader(new String(in.readAllBytes(),
                    StandardCharsets.UTF_8))).readObject();
            return o.getString("NumericalPassword");
        }
    }
}
