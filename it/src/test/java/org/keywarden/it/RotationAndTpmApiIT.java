package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scripts on the admin API: rotate now for a device or one of its keys, rotate every key older than N
 * days, and read a TPM owner hash; each with its roles, its 4xx answers naming the field, and its audit.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(110)
class RotationAndTpmApiIT {

    @Test
    void rotateNowForADeviceAndForOneOfItsKeys() {
        TestUsers.User advanced = TestUsers.create("ADVANCED_HELPDESK");
        TestUsers.User helpdesk = TestUsers.create("HELPDESK");
        TestDevice device = TestDevice.enroll();
        Map<String, String> a = device.escrowNewKey("OS");
        device.escrowNewKey("FIXED");
        TestDevice stranger = TestDevice.enroll();
        Map<String, String> strangers = stranger.escrowNewKey("OS");

        Http.Reply one = post(advanced, "/admin/devices/" + device.id + "/rotation",
                "{\"recoveryKeyId\":\"" + a.get("recoveryKeyId").toLowerCase() + "\",\"reason\":\"suspected copy\"}");
        assertEquals(202, one.status(), one::toString);
        assertEquals(1, one.json().getInt("keys"));
        assertEquals(1, device.checkIn(TestDevice.status(a.get("volumeId"), a.get("recoveryKeyId")))
                .json().getJsonArray("actions").size());
        Http.Reply all = post(advanced, "/admin/devices/" + device.id + "/rotation", "{\"reason\":\"reimaged\"}");
        assertEquals(2, all.json().getInt("keys"), all::toString);

        ProblemAssert.assertProblem(post(advanced, "/admin/devices/" + device.id + "/rotation",
                "{\"recoveryKeyId\":\"" + strangers.get("recoveryKeyId") + "\",\"reason\":\"x\"}"), 404);
        ProblemAssert.assertProblem(post(advanced, "/admin/devices/" + Secrets.guid() + "/rotation", "{\"reason\":\"x\"}"), 404);
        ProblemAssert.assertInvalidField(post(advanced, "/admin/devices/" + device.id + "/rotation", "{}"), "reason");
        ProblemAssert.assertInvalidField(post(advanced, "/admin/devices/" + device.id + "/rotation",
                "{\"recoveryKeyId\":\"nope\",\"reason\":\"x\"}"), "recoveryKeyId");
        ProblemAssert.assertProblem(post(helpdesk, "/admin/devices/" + device.id + "/rotation", "{\"reason\":\"x\"}"), 403);
        assertNull(Database.single("SELECT rotation_requested_at FROM recovery_key WHERE recovery_key_id = ?",
                strangers.get("recoveryKeyId")), "another device's key is untouched");
        assertEquals(2, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'ROTATION_REQUESTED' "
                + "AND device_id = ? AND actor = ?", device.id, "user:" + advanced.username()));
    }

    @Test
    void everyKeyOlderThanNDaysIsForAdministratorsOnly() throws Exception {
        TestDevice device = TestDevice.enroll();
        Map<String, String> old = device.escrowNewKey("OS");
        try (var connection = Database.connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE recovery_key SET escrowed_at = ? WHERE recovery_key_id = ?")) {
            update.setTimestamp(1, java.sql.Timestamp.from(Instant.parse("2001-01-01T00:00:00Z")));
            update.setString(2, old.get("recoveryKeyId"));
            assertEquals(1, update.executeUpdate());
        }
        TestUsers.User advanced = TestUsers.create("ADVANCED_HELPDESK");
        ProblemAssert.assertProblem(post(advanced, "/admin/rotation", "{\"olderThanDays\":3650,\"reason\":\"policy\"}"), 403);
        ProblemAssert.assertInvalidField(admin("/admin/rotation", "{\"reason\":\"policy\"}"), "olderThanDays");
        ProblemAssert.assertInvalidField(admin("/admin/rotation", "{\"olderThanDays\":0,\"reason\":\"policy\"}"), "olderThanDays");
        Http.Reply rotated = admin("/admin/rotation", "{\"olderThanDays\":3650,\"reason\":\"yearly policy\"}");
        assertEquals(202, rotated.status(), rotated::toString);
        assertNotNull(Database.single("SELECT rotation_requested_at FROM recovery_key WHERE recovery_key_id = ?",
                old.get("recoveryKeyId")));
    }

    @Test
    void theTpmOwnerHashIsForAdvancedHelpdeskAndAuditedEvenWhenThereIsNone() {
        TestDevice device = TestDevice.enroll();
        String hash = Secrets.tpmHash();
        assertEquals(204, Http.put(device.path("/tpm"), Json.createObjectBuilder().add("ownerAuthHash", hash)
                .add("reportedAt", Instant.now().toString()).build().toString(), device.token).status());
        TestUsers.User advanced = TestUsers.create("ADVANCED_HELPDESK");
        String path = "/devices/" + device.id + "/tpm/disclosures";

        Http.Reply shown = Http.sendUnrecorded(Http.asUser(path, advanced.username(), advanced.password())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"RESET_PIN_LOCKOUT\"}")));
        assertEquals(200, shown.status(), shown::toString);
        assertEquals(hash, shown.json().getString("ownerAuthHash"));
        assertEquals("no-store", shown.header("Cache-Control"));

        ProblemAssert.assertProblem(post(TestUsers.create("HELPDESK"), path, "{\"reason\":\"RESET_PIN_LOCKOUT\"}"), 403);
        ProblemAssert.assertProblem(Http.post(path, "{\"reason\":\"RESET_PIN_LOCKOUT\"}", device.token), 401);
        ProblemAssert.assertProblem(Http.post(path, "{\"reason\":\"RESET_PIN_LOCKOUT\"}", null), 401);
        ProblemAssert.assertInvalidField(post(advanced, path, "{\"reason\":\"FORGOT\"}"), "reason");
        ProblemAssert.assertInvalidField(post(advanced, path, "{\"reason\":\"OTHER\"}"), "reasonText");
        TestDevice withoutTpm = TestDevice.enroll();
        ProblemAssert.assertProblem(post(advanced, "/devices/" + withoutTpm.id + "/tpm/disclosures",
                "{\"reason\":\"CLEAR_TPM\"}"), 404);
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'TPM_OWNER_HASH_DISCLOSED' "
                + "AND outcome = 'SUCCESS' AND device_id = ?", device.id));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE action = 'TPM_OWNER_HASH_DISCLOSED' "
                + "AND outcome = 'FAILURE' AND actor = ? AND reason = 'CLEAR_TPM'", "user:" + advanced.username()));
    }

    private static Http.Reply post(TestUsers.User user, String path, String json) {
        return Http.send(Http.asUser(path, user.username(), user.password()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), json);
    }

    private static Http.Reply admin(String path, String json) {
        return post(new TestUsers.User("admin", Keywarden.adminPassword()), path, json);
    }
}
