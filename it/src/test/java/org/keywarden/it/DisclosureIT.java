package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The admin REST disclosure path: find a key, disclose it (audited, marked DISCLOSED, rotation asked of
 * the device, never cached), the device rotates it; bad requests are refused; and two keys whose
 * ciphertexts were swapped in the database are never shown, each failing with an integrity error.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(83)
class DisclosureIT {

    @Test
    void anAdministratorFindsAndDisclosesAKeyAndTheDeviceIsToldToRotateIt() {
        TestDevice device = TestDevice.enroll();
        String volume = Secrets.guid();
        String keyId = Secrets.guid();
        String password = Secrets.recoveryPassword();
        String keyPackage = Secrets.keyPackage();
        assertEquals(201, device.escrow(TestDevice.key(volume, "OS", keyId, password).add("keyPackage", keyPackage))
                .status());

        JsonArray byPrefix = find("keyId=" + keyId.substring(0, 8)).getJsonArray("keys");
        assertEquals(1, byPrefix.size(), byPrefix::toString);
        JsonObject listed = byPrefix.getJsonObject(0);
        assertEquals(keyId, listed.getString("recoveryKeyId"));
        assertEquals(device.hostname, listed.getString("hostname"));
        assertEquals("ACTIVE", listed.getString("state"));
        assertFalse(listed.toString().contains(password));
        assertEquals(1, find("hostname=" + device.hostname).getJsonArray("keys").size());
        assertEquals(1, find("keyId=" + keyId.substring(0, 23)).getJsonArray("keys").size(), "longer prefix, hyphens");

        Http.Reply reply = disclose(keyId, Json.createObjectBuilder().add("reason", "LOST_PIN")
                .add("endUser", "CORP\\alice").add("includeKeyPackage", true).build().toString());
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("no-store", reply.header("Cache-Control"));
        JsonObject disclosed = reply.json();
        assertEquals(password, disclosed.getString("recoveryPassword"));
        assertEquals(keyPackage, disclosed.getString("keyPackage"));
        assertTrue(disclosed.getBoolean("rotationRequired"));
        assertEquals("DISCLOSED", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", keyId));
        assertNotNull(Database.single("SELECT rotation_requested_at FROM recovery_key WHERE recovery_key_id = ?", keyId));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' AND outcome = "
                + "'SUCCESS' AND recovery_key_id = ? AND actor = 'user:admin' AND reason = 'LOST_PIN'", keyId));

        Http.Reply checkIn = device.checkIn(TestDevice.status(volume, keyId));
        assertEquals(Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "ROTATE_RECOVERY_KEY")
                .add("volumeId", volume).add("recoveryKeyId", keyId)).build(), checkIn.json().getJsonArray("actions"));
        String replacement = Secrets.guid();
        assertEquals(201, device.escrow(TestDevice.key(volume, "OS", replacement, Secrets.recoveryPassword())
                .add("replaces", keyId)).status());
        assertEquals(0, device.checkIn(TestDevice.status(volume, replacement)).json().getJsonArray("actions").size());
        assertEquals("VERIFIED_REMOVED", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?", keyId));
    }

    @Test
    void theLongestReasonIsAcceptedAndAuditedShortened() {
        TestDevice device = TestDevice.enroll();
        Map<String, String> key = device.escrowNewKey("OS");
        Http.Reply reply = disclose(key.get("recoveryKeyId"), Json.createObjectBuilder().add("reason", "OTHER")
                .add("reasonText", "r".repeat(1000)).build().toString());
        assertEquals(200, reply.status(), reply::toString);
        assertEquals(1000, Database.text("SELECT reason FROM audit_event WHERE action = 'KEY_DISCLOSED' "
                + "AND recovery_key_id = ?", key.get("recoveryKeyId")).length());
    }

    @Test
    void badRequestsAreRefusedAndAUnknownKeyIsAuditedAs404() {
        String unknown = Secrets.guid();
        ProblemAssert.assertInvalidField(disclose(unknown, "{\"reason\":\"BORED\"}"), "reason");
        ProblemAssert.assertInvalidField(disclose(unknown, "{\"reason\":\"OTHER\"}"), "reasonText");
        ProblemAssert.assertInvalidField(findReply("keyId=1234567"), "keyId");
        ProblemAssert.assertProblem(disclose(unknown, "{\"reason\":\"TPM_RESET\"}"), 404);
        ProblemAssert.assertProblem(disclose("not-a-key", "{\"reason\":\"TPM_RESET\"}"), 404);
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' "
                + "AND outcome = 'FAILURE' AND recovery_key_id = ?", unknown));
        Http.Reply anonymous = Http.send(HttpRequest.newBuilder(java.net.URI.create(
                Keywarden.api("/recovery-keys/" + unknown + "/disclosures"))).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"TPM_RESET\"}")), null);
        ProblemAssert.assertProblem(anonymous, 401);
    }

    @Test
    void swappedCiphertextsAreNeverDisclosedAndFailWithAnIntegrityError() throws SQLException {
        TestDevice device = TestDevice.enroll();
        Map<String, String> a = device.escrowNewKey("OS");
        Map<String, String> b = device.escrowNewKey("FIXED");
        byte[] sealedA = Database.sealedRecoveryPassword(a.get("recoveryKeyId"));
        byte[] sealedB = Database.sealedRecoveryPassword(b.get("recoveryKeyId"));
        Database.storeSealedRecoveryPassword(a.get("recoveryKeyId"), sealedB);
        Database.storeSealedRecoveryPassword(b.get("recoveryKeyId"), sealedA);
        for (Map<String, String> key : List.of(a, b)) {
            Http.Reply reply = disclose(key.get("recoveryKeyId"), "{\"reason\":\"BIOS_CHANGED\"}");
            ProblemAssert.assertProblem(reply, 500);
            assertEquals("Stored data failed its integrity check", reply.json().getString("title"));
            assertFalse(reply.body().contains(a.get("recoveryPassword")) || reply.body().contains(b.get("recoveryPassword")));
            assertEquals("ACTIVE", Database.text("SELECT state FROM recovery_key WHERE recovery_key_id = ?",
                    key.get("recoveryKeyId")), "a key that was not shown is not marked disclosed");
            assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'KEY_DISCLOSED' "
                    + "AND outcome = 'FAILURE' AND recovery_key_id = ?", key.get("recoveryKeyId")));
        }
        Database.storeSealedRecoveryPassword(a.get("recoveryKeyId"), sealedA);
        Database.storeSealedRecoveryPassword(b.get("recoveryKeyId"), sealedB);
        Http.Reply restored = disclose(a.get("recoveryKeyId"), "{\"reason\":\"BIOS_CHANGED\"}");
        assertEquals(a.get("recoveryPassword"), restored.json().getString("recoveryPassword"));
    }

    private static JsonObject find(String query) {
        String[] parts = query.split("=", 2);
        Http.Reply reply = findReply(parts[0] + "=" + URLEncoder.encode(parts[1], StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static Http.Reply findReply(String query) {
        return Http.send(Http.asUser("/recovery-keys?" + query, "admin", Keywarden.adminPassword()).GET(), null);
    }

    private static Http.Reply disclose(String keyId, String body) {
        return Http.sendUnrecorded(Http.asUser("/recovery-keys/" + keyId + "/disclosures", "admin",
                Keywarden.adminPassword()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }
}
