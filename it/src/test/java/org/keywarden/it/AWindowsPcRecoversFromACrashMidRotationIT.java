package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.keywarden.agent.windows.ReplayingPowerShell;

/**
 * The agent is killed at each point of a rotation (before and after Windows added the new protector, before the new
 * key was read for escrow, after the server acknowledged it, after the old protector was deleted). The
 * next run finishes the rotation from the agent's own state: one protector added in all, the disclosed one
 * deleted once and only while its replacement is stored, and the server ends with the old key verified
 * removed.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(125)
class AWindowsPcRecoversFromACrashMidRotationIT {
    static final String OS = AWindowsPcEscrowsAndRotatesItsKeysIT.OS;
    static final String A = AWindowsPcEscrowsAndRotatesItsKeysIT.A;
    static final String C = AWindowsPcEscrowsAndRotatesItsKeysIT.C;

    @TempDir
    Path states;


    @Test
    void killedBeforeWindowsAddedTheNewProtector() {
        crashAndRecover("before-add", pc -> pc.crashBefore("add"));
    }

    @Test
    void killedAfterWindowsAddedTheNewProtector() {
        crashAndRecover("after-add", pc -> pc.crashAfter("add"));
    }

    @Test
    void killedBeforeTheNewKeyWasEscrowed() {
        crashAndRecover("before-escrow", pc -> pc.crashBefore("password-" + C));
    }

    @Test
    void killedAfterTheServerAcknowledgedTheNewKey() {
        crashAndRecover("after-acknowledged", pc -> pc.crashBefore("delete"));
    }

    @Test
    void killedAfterTheOldProtectorWasDeleted() {
        crashAndRecover("after-delete", pc -> pc.crashAfter("delete"));
    }

    private void crashAndRecover(String name, Consumer<ReplayingPowerShell> crash) {
        WindowsPc pc = new WindowsPc("office-pc", states.resolve(name)).withEnrollmentSecret();
        assertEquals(0, pc.run().exitCode());
        String oldKey = pc.id(A), newKey = pc.id(C);
        Http.Reply disclosed = Http.sendUnrecorded(Http.asUser("/recovery-keys/" + oldKey + "/disclosures", "admin",
                Keywarden.adminPassword()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"TPM_RESET\"}")));
        assertEquals(200, disclosed.status(), disclosed::toString);
        pc.powerShell.beforeEach("delete", command -> assertEquals("ACTIVE", state(newKey),
                name + ": the old protector is deleted only while its replacement is stored"));

        crash.accept(pc.powerShell);
        assertThrows(ReplayingPowerShell.Crash.class, pc::run, name);
        WindowsPc.Run recovered = pc.run();
        assertEquals(0, recovered.exitCode(), name + ":\n" + recovered.output());
        pc.run();

        assertEquals(1, pc.commands().stream().filter(c -> c.startsWith("add-")).count(), name + ": " + pc.commands());
        assertEquals(1, pc.commands().stream().filter(c -> c.equals("delete-" + A)).count(), name + ": " + pc.commands());
        assertEquals(2, pc.powerShell.state(), name + ": the PC has the new protector, not the old");
        assertEquals("ACTIVE", state(newKey), name);
        assertEquals("VERIFIED_REMOVED", state(oldKey), name);
        assertEquals(newKey, Database.text("SELECT superseded_by FROM recovery_key WHERE recovery_key_id = ?", oldKey));
        assertEquals(3, Database.count("SELECT COUNT(*) FROM recovery_key WHERE device_id = ?", pc.deviceId()),
                name + ": no key but the PC's own three");
    }

    private static String state(String keyId) {
        return Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", keyId);
    }
}
