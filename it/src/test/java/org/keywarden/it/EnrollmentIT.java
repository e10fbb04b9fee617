package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.keywarden.it.ProblemAssert.assertInvalidField;
import static org.keywarden.it.ProblemAssert.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code POST /api/v1/devices}: 201, 401, 400, and what is stored. */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(10)
class EnrollmentIT {

    private static JsonObject enrollment(String hostname) {
        return Json.createObjectBuilder()
                .add("enrollmentSecret", Keywarden.enrollmentSecret())
                .add("hostname", hostname)
                .add("domain", "CORP")
                .add("serialNumber", "SN-1")
                .add("osVersion", "10.0.22631")
                .add("users", Json.createArrayBuilder().add("CORP\\alice").add("CORP\\bob"))
                .add("migratedFromMbam", false)
                .build();
    }

    @Test
    void enrollsWithAStrongTokenThatIsStoredOnlyAsAHash() {
        Http.Reply reply = Http.post("/devices", enrollment("PC-ENROLL-1").toString(), null);

        assertEquals(201, reply.status(), reply::toString);
        JsonObject json = reply.json();
        String deviceId = json.getString("deviceId");
        String token = Secrets.rememberToken(json.getString("deviceToken"));
        assertTrue(deviceId.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), deviceId);
        assertTrue(Base64.getUrlDecoder().decode(token).length >= 32, "token shorter than 256 bits");

        assertEquals(1, Database.count("SELECT COUNT(*) FROM device WHERE device_id = ?", deviceId));
        String stored = Database.text("SELECT token_hash FROM device WHERE device_id = ?", deviceId);
        assertTrue(stored.matches("[0-9a-f]{64}"), stored);
        assertFalse(stored.contains(token));
        assertEquals(2, Database.count("SELECT COUNT(*) FROM device_user WHERE device_id = ? AND source = 'AGENT'",
                deviceId));
        assertEquals(1, Database.count("SELECT COUNT(*) FROM audit_event WHERE device_id = ? "
                + "AND action = 'DEVICE_ENROLL' AND outcome = 'SUCCESS'", deviceId));
    }

    @Test
    void aWrongEnrollmentSecretIs401AndAudited() {
        long failuresBefore = Database.count(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'DEVICE_ENROLL' AND outcome = 'FAILURE'");
        JsonObject body = Json.createObjectBuilder(enrollment("PC-WRONG-SECRET"))
                .add("enrollmentSecret", "not-the-secret").build();

        assertProblem(Http.post("/devices", body.toString(), null), 401);

        assertEquals(0, Database.count("SELECT COUNT(*) FROM device WHERE hostname = 'PC-WRONG-SECRET'"));
        assertEquals(failuresBefore + 1, Database.count(
                "SELECT COUNT(*) FROM audit_event WHERE action = 'DEVICE_ENROLL' AND outcome = 'FAILURE'"));
    }

    @Test
    void invalidFieldsAre400NamingTheFieldAndStoreNothing() {
        JsonObject valid = enrollment("PC-INVALID");
        assertInvalidField(post(Json.createObjectBuilder(valid).remove("hostname").build()), "hostname");
        assertInvalidField(post(Json.createObjectBuilder(valid).add("hostname", "x".repeat(256)).build()), "hostname");
        assertInvalidField(post(Json.createObjectBuilder(valid).add("hostname", "   ").build()), "hostname");
        assertInvalidField(post(Json.createObjectBuilder(valid).add("hostname", 42).build()), "hostname");
        assertInvalidField(post(Json.createObjectBuilder(valid).add("domain", "CORP\u0000").build()), "domain");
        assertInvalidField(post(Json.createObjectBuilder(valid).add("domain", "d".repeat(257)).build()), "domain");
        assertInvalidField(post(Json.createObjectBuilder(valid).remove("enrollmentSecret").build()), "enrollmentSecret");
        assertInvalidField(post(Json.createObjectBuilder(valid).add("users", "CORP\\alice").build()), "users");
        assertInvalidField(post(Json.createObjectBuilder(valid)
                .add("users", Json.createArrayBuilder().add("ok").add(7)).build()), "users[1]");
        assertInvalidField(post(Json.createObjectBuilder(valid).add("migratedFromMbam", "yes").build()),
                "migratedFromMbam");
        assertInvalidField(post(Json.createObjectBuilder(valid).add("serialNumber", "s".repeat(257)).build()),
                "serialNumber");
        assertEquals(0, Database.count("SELECT COUNT(*) FROM device WHERE hostname = 'PC-INVALID'"));
    }

    @Test
    void reEnrollingAKnownHostnameMakesANewDeviceThatCannotTouchTheOldOnesKeys() {
        TestDevice first = TestDevice.enroll(Json.createObjectBuilder().add("hostname", "PC-REIMAGED"));
        String oldKey = first.escrowNewKey("OS").get("recoveryKeyId");
        TestDevice second = TestDevice.enroll(Json.createObjectBuilder().add("hostname", "PC-REIMAGED"));

        assertNotEquals(first.id, second.id);
        assertNotEquals(first.token, second.token);
        assertEquals(first.id, Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?", oldKey));
        assertProblem(Http.post(first.path("/recovery-keys"),
                TestDevice.key(Secrets.guid(), "OS", Secrets.guid(), Secrets.recoveryPassword()).build().toString(),
                second.token), 403);
    }

    @Test
    void aGeneratedEnrollmentSecretIsReadableByTheServerUserOnly() throws Exception {
        assumeTrue(Keywarden.secretIsGenerated(), "this run configures KEYWARDEN_ENROLLMENT_SECRET");
        var file = Keywarden.dataDir().resolve("enrollment-secret");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Secrets.remember(Keywarden.enrollmentSecret());
    }

    private static Http.Reply post(JsonObject body) {
        return Http.post("/devices", body.toString(), null);
    }
}
