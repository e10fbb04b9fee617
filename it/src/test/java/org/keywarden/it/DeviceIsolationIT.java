package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.keywarden.it.ProblemAssert.assertProblem;

import jakarta.json.Json;
import java.time.Instant;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A device token acts only on its own device: every endpoint answers 403 for another's, 401 for a wrong token. */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(50)
class DeviceIsolationIT {

    @Test
    void deviceAsTokenCannotWriteOrReadDeviceB() {
        TestDevice a = TestDevice.enroll();
        TestDevice b = TestDevice.enroll();
        String keyId = Secrets.guid();
        String key = TestDevice.key(Secrets.guid(), "OS", keyId, Secrets.recoveryPassword()).build().toString();
        String tpm = Json.createObjectBuilder().add("ownerAuthHash", Secrets.tpmHash())
                .add("reportedAt", Instant.now().toString()).build().toString();
        String status = TestDevice.status(Secrets.guid(), keyId).toString();

        assertProblem(Http.post(b.path("/recovery-keys"), key, a.token), 403);
        assertProblem(Http.put(b.path("/tpm"), tpm, a.token), 403);
        assertProblem(Http.post(b.path("/status"), status, a.token), 403);
        assertProblem(Http.get(b.path("/actions"), a.token), 403);

        assertEquals(0, Database.count("SELECT COUNT(*) FROM recovery_key WHERE recovery_key_id = ?", keyId));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM tpm_owner_info WHERE device_id IN (?, ?)", a.id, b.id));
        assertEquals(0, Database.count("SELECT COUNT(*) FROM volume WHERE device_id IN (?, ?)", a.id, b.id));
        assertEquals(null, Database.single("SELECT last_check_in_at FROM device WHERE device_id = ?", b.id));
        assertEquals(3, Database.count("SELECT COUNT(*) FROM audit_event WHERE actor = ? "
                + "AND action = 'DEVICE_WRITE_REFUSED' AND outcome = 'FAILURE'", "device:" + a.id),
                "each refused write is audited");

        // the token still works on its own device
        assertEquals(201, Http.post(a.path("/recovery-keys"), key, a.token).status());
        assertEquals(a.id, Database.text("SELECT device_id FROM recovery_key WHERE recovery_key_id = ?", keyId));
    }

    /** A wrong token on a check-in is a 401 before the body is read or anything written, whatever the body. */
    @Test
    void aCheckInWithAWrongTokenIs401WhateverTheBodyAndWritesNothing() {
        TestDevice a = TestDevice.enroll();
        String status = TestDevice.status(Secrets.guid(), Secrets.guid()).toString();
        String wrong = "not-" + a.token;

        Http.Reply refused = Http.post(a.path("/status"), status, wrong);
        assertProblem(refused, 401);
        assertEquals("Bearer realm=\"keywarden\"", refused.header("WWW-Authenticate"));
        assertProblem(Http.post(a.path("/status"), "{not json", wrong), 401);
        assertProblem(Http.post(a.path("/status"), "{}", wrong), 401);
        assertEquals(null, Database.single("SELECT last_check_in_at FROM device WHERE device_id = ?", a.id),
                "a refused check-in writes nothing");
        assertEquals(0, Database.count("SELECT COUNT(*) FROM volume WHERE device_id = ?", a.id));

        // with its own token the same bodies are what is wrong
        assertProblem(Http.post(a.path("/status"), "{not json", a.token), 400);
        assertEquals(200, Http.post(a.path("/status"), status, a.token).status());
        assertEquals(1, Database.count("SELECT COUNT(*) FROM volume WHERE device_id = ?", a.id));
    }

    @Test
    void anUnknownOrMalformedDeviceIdIs403ForAValidToken() {
        TestDevice a = TestDevice.enroll();
        assertProblem(Http.get("/devices/" + UUID.randomUUID() + "/actions", a.token), 403);
        assertProblem(Http.get("/devices/not-a-device/actions", a.token), 403);
        long refused = Database.count("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = "
                + "'DEVICE_WRITE_REFUSED'", "device:" + a.id);
        assertProblem(Http.post("/devices/" + "x".repeat(3000) + "/status", "{}", a.token), 403);
        assertEquals(refused + 1, Database.count("SELECT COUNT(*) FROM audit_event WHERE actor = ? AND action = "
                + "'DEVICE_WRITE_REFUSED'", "device:" + a.id), "a refusal with a huge path is audited too");
    }
}
