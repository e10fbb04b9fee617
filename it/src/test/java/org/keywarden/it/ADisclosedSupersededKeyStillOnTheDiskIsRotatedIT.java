package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A device replaced a key but its status still lists the old protector (the removal failed, or it has
 * not reported since). The old, superseded key is disclosed: it still opens the disk, so the device is
 * asked to rotate it; when it escrows a replacement and its status no longer lists the protector, the
 * key is verified removed and nothing more is asked.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(56)
class ADisclosedSupersededKeyStillOnTheDiskIsRotatedIT {

    @Test
    void disclosingASupersededKeyWhoseProtectorIsStillListedAsksForItsRotation() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> old = device.escrowNewKey("OS");
        String volume = old.get("volumeId"), oldKey = old.get("recoveryKeyId");
        String newer = Secrets.guid();
        assertEquals(201, device.escrow(TestDevice.key(volume, "OS", newer, Secrets.recoveryPassword())
                .add("replaces", oldKey)).status());
        assertEquals(List.of(), actions(device.checkIn(TestDevice.status(volume, oldKey, newer))), "nothing to do yet");
        assertEquals("SUPERSEDED", state(oldKey));

        Http.Reply disclosed = Http.sendUnrecorded(Http.asUser("/recovery-keys/" + oldKey + "/disclosures", "admin",
                Keywarden.adminPassword()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\": \"TPM_RESET\"}")));
        assertEquals(200, disclosed.status(), disclosed::toString);
        assertNotNull(Database.single("SELECT rotation_requested_at FROM recovery_key WHERE recovery_key_id = ?", oldKey));

        List<JsonObject> asked = actions(device.checkIn(TestDevice.status(volume, oldKey, newer)));
        assertEquals(1, asked.size(), asked::toString);
        assertEquals("ROTATE_RECOVERY_KEY", asked.get(0).getString("type"));
        assertEquals(oldKey, asked.get(0).getString("recoveryKeyId"));

        String replacement = Secrets.guid();
        assertEquals(201, device.escrow(TestDevice.key(volume, "OS", replacement, Secrets.recoveryPassword())
                .add("replaces", oldKey)).status());
        assertTrue(actions(device.checkIn(TestDevice.status(volume, newer, replacement))).isEmpty());
        assertEquals("VERIFIED_REMOVED", state(oldKey));
    }

    private static List<JsonObject> actions(Http.Reply checkIn) {
        assertEquals(200, checkIn.status(), checkIn::toString);
        return checkIn.json().getJsonArray("actions").getValuesAs(JsonObject.class);
    }

    private static String state(String keyId) {
        return Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", keyId);
    }
}
