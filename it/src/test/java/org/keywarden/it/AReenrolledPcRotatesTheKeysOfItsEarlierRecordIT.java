package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.keywarden.agent.state.AgentState;

/**
 * A PC is enrolled again (a new device record) but its disk still has the protector the earlier record
 * escrowed. Its check-ins do not ask it to escrow that key (which could only get 409 forever): they ask
 * it to rotate; the reference agent rotates, the loop ends, and the earlier record is unchanged.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(81)
class AReenrolledPcRotatesTheKeysOfItsEarlierRecordIT {

    @TempDir
    Path state;

    private final StringWriter output = new StringWriter();


    @Test
    void checkInsAskToRotateTheAgentRotatesAndTheEarlierRecordStaysAsItWas() {
        String hostname = "PC-RE" + Secrets.guid().substring(0, 6);
        agent("enroll", "--secret", Keywarden.enrollmentSecret(), "--hostname", hostname, "--domain", "CORP");
        agent("add-volume", "--type", "OS", "--drive", "C:");
        agent("checkin");
        String earlier = AgentState.load(state).deviceId().orElseThrow();
        String oldKey = AgentState.load(state).recoveryPasswordProtectorIds().get(0);
        AgentState.load(state).recoveryPassword(oldKey).ifPresent(Secrets::remember);

        agent("enroll", "--force", "--secret", Keywarden.enrollmentSecret(), "--hostname", hostname, "--domain", "CORP");
        String later = AgentState.load(state).deviceId().orElseThrow();
        String token = AgentState.load(state).deviceToken().orElseThrow();
        Secrets.rememberToken(token);
        assertNotEquals(earlier, later);

        agent("checkin");
        List<String> protectors = AgentState.load(state).recoveryPasswordProtectorIds();
        protectors.forEach(id -> AgentState.load(state).recoveryPassword(id).ifPresent(Secrets::remember));
        assertEquals(1, protectors.size(), "the old protector was replaced, not added to");
        String newKey = protectors.get(0);
        assertNotEquals(oldKey, newKey);
        assertEquals(later, Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?", newKey));

        agent("checkin");
        Http.Reply pending = Http.get("/devices/" + later + "/actions", token);
        assertEquals(0, pending.json().getJsonArray("actions").size(), pending::toString);

        assertEquals(earlier, Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?", oldKey));
        assertEquals("ACTIVE", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", oldKey));
        assertNull(Database.single("SELECT superseded_by FROM recovery_key WHERE recovery_key_id = ?", oldKey));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM audit_event WHERE device_id = ? AND outcome = 'FAILURE'", later),
                "no refused escrow on the new record");
        assertTrue(Database.count("SELECT COUNT(*) FROM audit_event WHERE device_id = ? AND action = 'KEY_ESCROW' "
                + "AND detail LIKE ?", later, "replaces " + oldKey + " of the earlier device record%") == 1);
    }

    private void agent(String... command) {
        new AgentRunner(state).runWith(output, command);
    }
}
