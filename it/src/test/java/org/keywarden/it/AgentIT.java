package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.keywarden.agent.state.AgentState;

/** The reference agent against the real server: enroll, three volumes, TPM, check-in, an escrow gap filled. */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(80)
class AgentIT {

    @TempDir
    Path state;

    private final StringWriter output = new StringWriter();


    @Test
    void theAgentEscrowsThreeVolumesChecksInAndFillsTheEscrowGapItIsToldAbout() {
        agent("enroll", "--secret", Keywarden.enrollmentSecret(), "--hostname", "PC-AGENT", "--domain", "CORP",
                "--user", "CORP\\alice");
        agent("add-volume", "--type", "OS", "--drive", "C:");
        agent("add-volume", "--type", "FIXED", "--drive", "D:");
        agent("add-volume", "--type", "REMOVABLE", "--drive", "E:", "--no-escrow");
        agent("tpm");

        AgentState device = AgentState.load(state);
        String deviceId = device.deviceId().orElseThrow();
        device.deviceToken().ifPresent(Secrets::rememberToken);
        List<String> protectors = device.recoveryPasswordProtectorIds();
        protectors.forEach(id -> device.recoveryPassword(id).ifPresent(Secrets::remember));
        assertEquals(3, protectors.size());
        assertEquals(1, device.unescrowedProtectorIds().size(), "the removable drive's key is the gap");
        assertEquals(2, Database.count("SELECT COUNT(*) FROM recovery_key WHERE device_id = ?", deviceId));
        String gap = device.unescrowedProtectorIds().get(0);
        assertEquals(0, Database.count("SELECT COUNT(*) FROM recovery_key WHERE recovery_key_id = ?", gap));

        agent("checkin");

        assertEquals(3, Database.count("SELECT COUNT(*) FROM recovery_key WHERE device_id = ?", deviceId));
        Set<Object> stored = new HashSet<>(Database.column(
                "SELECT recovery_key_id FROM recovery_key WHERE device_id = ?", deviceId));
        assertEquals(new HashSet<>(protectors), stored, "every protector the device has is escrowed");
        assertEquals("REMOVABLE", Database.text("SELECT v.volume_type FROM volume v JOIN recovery_key k "
                + "ON k.volume_id = v.volume_id WHERE k.recovery_key_id = ?", gap));
        assertEquals(3, Database.count("SELECT COUNT(*) FROM volume_status WHERE device_id = ?", deviceId));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM tpm_owner_info WHERE device_id = ?", deviceId));
        assertTrue(AgentState.load(state).unescrowedProtectorIds().isEmpty());

        String token = AgentState.load(state).deviceToken().orElseThrow();
        Http.Reply pending = Http.get("/devices/" + deviceId + "/actions", token);
        assertEquals(0, pending.json().getJsonArray("actions").size(), pending::toString);
        agent("actions");
        for (String id : protectors) {
            String password = AgentState.load(state).recoveryPassword(id).orElseThrow();
            assertFalse(output.toString().contains(password), "the agent printed a recovery password");
        }
        assertFalse(output.toString().contains(token), "the agent printed its token");
    }

    private void agent(String... command) {
        new AgentRunner(state).runWith(output, command);
    }
}
