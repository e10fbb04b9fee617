package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Windows PC (replayed from recorded PowerShell outputs) runs the agent as its scheduled task does:
 * the first run enrolls it with the facts Windows reports and escrows every recovery password; after a
 * helpdesk disclosure the next run adds a protector, escrows it with {@code replaces} and only then deletes
 * the disclosed one; the run after reports it gone and the server marks it verified removed.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(124)
class AWindowsPcEscrowsAndRotatesItsKeysIT {
    static final String OS = "3F2504E0-4F89-11D3-9A0C-0305E82C3301";
    static final String DATA = "5B7D1C2E-0A1B-4C3D-8E9F-102132435401";
    static final String A = "8A696888-99A7-4FAC-92C7-6CC497EA7BDF";
    static final String B = "C1D2E3F4-A5B6-4C7D-8E9F-0A1B2C3D4E02";
    static final String C = "E5F6A7B8-C9D0-4E1F-A2B3-C4D5E6F70704";

    @TempDir
    Path state;


    @Test
    void theFirstRunEscrowsEveryKeyAndADisclosureRotatesInTheSafeOrder() {
        WindowsPc pc = new WindowsPc("office-pc", state).withEnrollmentSecret();
        WindowsPc.Run first = pc.run();
        assertEquals(0, first.exitCode(), first.output());
        assertFalse(Files.exists(state.resolve("enrollment-secret")), "the secret is not kept once enrolled");
        String device = pc.deviceId();
        assertEquals("PC-0042", Database.text("SELECT hostname FROM device WHERE device_id = ?", device));
        assertEquals("corp.example.com", Database.text("SELECT domain_name FROM device WHERE device_id = ?", device));
        assertEquals("5CG1234XYZ", Database.text("SELECT serial_number FROM device WHERE device_id = ?", device));
        assertEquals("10.0.22631", Database.text("SELECT os_version FROM device WHERE device_id = ?", device));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM device_user WHERE device_id = ? AND principal = ?",
                device, "CORP\\alice"));
        assertEquals(List.of("ACTIVE", "ACTIVE"), List.of(state(pc.id(A)), state(pc.id(B))));
        assertEquals(device, Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?", pc.id(B)));
        List<String> firstRun = pc.commands();
        assertEquals(List.of("machine", "volumes"), firstRun.subList(0, 2), "one listing");
        assertEquals("tpm", firstRun.get(firstRun.size() - 1));
        assertEquals(List.of("keypackage-" + A, "keypackage-" + B, "password-" + A, "password-" + B),
                firstRun.subList(2, firstRun.size() - 1).stream().sorted().toList(),
                "each key read once (in the order the server asks), no protector added or deleted");

        int before = pc.commands().size();
        WindowsPc.Run again = pc.run();
        assertEquals(0, again.exitCode(), again.output());
        assertEquals(List.of("volumes", "tpm"), pc.commands().subList(before, pc.commands().size()),
                "nothing escrowed twice");

        Http.Reply disclosed = Http.sendUnrecorded(Http.asUser("/recovery-keys/" + pc.id(A) + "/disclosures", "admin",
                Keywarden.adminPassword()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"TPM_RESET\"}")));
        assertEquals(200, disclosed.status(), disclosed::toString);
        assertTrue(pc.powerShell.answeredSecrets().contains(disclosed.json().getString("recoveryPassword")),
                "the password Windows gave is the one disclosed");

        String newKey = pc.id(C);
        pc.powerShell.beforeEach("delete", command -> {
            assertEquals("ACTIVE", state(newKey), "the replacement is stored before the old protector goes");
            assertEquals(newKey, Database.text("SELECT superseded_by FROM recovery_key WHERE recovery_key_id = ?",
                    pc.id(A)));
        });
        before = pc.commands().size();
        WindowsPc.Run rotation = pc.run();
        assertEquals(0, rotation.exitCode(), rotation.output());
        List<String> rotated = pc.commands().subList(before, pc.commands().size());
        assertEquals(List.of("volumes", "add-" + OS, "volumes", "password-" + C, "keypackage-" + C,
                "delete-" + A, "tpm"), rotated, "add, escrow with replaces, then delete");
        assertEquals("SUPERSEDED", state(pc.id(A)));
        assertEquals("ACTIVE", state(newKey));

        WindowsPc.Run after = pc.run();
        assertEquals(0, after.exitCode(), after.output());
        assertEquals("VERIFIED_REMOVED", state(pc.id(A)));
        assertNotNull(Database.single("SELECT verified_removed_at FROM recovery_key WHERE recovery_key_id = ?", pc.id(A)));
        assertEquals(1, pc.commands().stream().filter(c -> c.startsWith("add")).count());
        assertEquals(3, Database.count("SELECT COUNT(*) FROM recovery_key WHERE device_id = ?", device));
    }

    @Test
    void theScheduledTaskFollowsTheServersInterval() {
        WindowsPc pc = new WindowsPc("office-pc", state).withEnrollmentSecret();
        WindowsPc.Run first = pc.run("--scheduled-task", "Keywarden Agent");
        assertEquals(0, first.exitCode(), first.output());
        assertTrue(first.output().contains("Scheduled task Keywarden Agent now runs every 90 minutes"), first.output());
        String script = pc.powerShell.commands().stream().filter(c -> c.operation().equals("task-interval"))
                .findFirst().orElseThrow().script();
        assertTrue(script.contains("-TaskPath '\\Keywarden\\' -TaskName 'Keywarden Agent'"), script);
        assertTrue(script.contains("-RepetitionInterval (New-TimeSpan -Minutes 90)"), script);
        WindowsPc.Run second = pc.run("--scheduled-task", "Keywarden Agent");
        assertEquals(0, second.exitCode(), second.output());
        assertEquals(1, pc.commands().stream().filter(c -> c.equals("task-interval")).count(), "set once, not every run");
    }

    @Test
    void aSingleVolumeWithTwoRecoveryPasswordsAndAKeptTpmOwnerAuth() {
        WindowsPc pc = new WindowsPc("laptop-single-volume", state).withEnrollmentSecret();
        WindowsPc.Run first = pc.run();
        assertEquals(0, first.exitCode(), first.output());
        String device = pc.deviceId();
        assertEquals(2, Database.count("SELECT COUNT(*) FROM recovery_key WHERE device_id = ? AND state = 'ACTIVE'", device));
        assertTrue(first.output().contains("Reported TPM owner information"), first.output());
        assertEquals(1, Database.count("SELECT COUNT(*) FROM tpm_owner_info WHERE device_id = ?", device));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM device_user WHERE device_id = ? AND principal = ?",
                device, "LAPTOP-7\\jürgen"), "a name beyond ASCII arrives escaped and intact");
        assertEquals("WORKGROUP", Database.text("SELECT domain_name FROM device WHERE device_id = ?", device),
                "a PC in no domain is filed under its workgroup");
        WindowsPc.Run second = pc.run();
        assertEquals(0, second.exitCode(), second.output());
        assertFalse(second.output().contains("Reported TPM owner information"), "reported again only when it changes");
    }

    private static String state(String keyId) {
        return Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", keyId);
    }
}
