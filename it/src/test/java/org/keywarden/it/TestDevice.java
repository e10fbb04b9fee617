package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.Map;

/** An enrolled device as a test drives it: its id, its token, and request bodies it would send. */
public final class TestDevice {

    public final String id;
    public final String token;
    public final String hostname;

    private TestDevice(String id, String token, String hostname) {
        this.id = id;
        this.token = token;
        this.hostname = hostname;
    }

    public static TestDevice enroll() {
        return enroll(Json.createObjectBuilder());
    }

    /** Enrolls with a fresh hostname plus whatever {@code extra} adds or overrides. */
    public static TestDevice enroll(JsonObjectBuilder extra) {
        String hostname = "PC-" + Secrets.guid().substring(0, 8);
        JsonObject body = Json.createObjectBuilder()
                .add("enrollmentSecret", Keywarden.enrollmentSecret())
                .add("hostname", hostname)
                .add("domain", "CORP")
                .add("osVersion", "10.0.22631")
                .add("users", Json.createArrayBuilder().add("CORP\\alice"))
                .addAll(extra).build();
        Http.Reply reply = Http.post("/devices", body.toString(), null);
        assertEquals(201, reply.status(), reply::toString);
        JsonObject json = reply.json();
        return new TestDevice(json.getString("deviceId"), Secrets.rememberToken(json.getString("deviceToken")),
                body.getString("hostname"));
    }

    public String path(String tail) {
        return "/devices/" + id + tail;
    }

    public static JsonObjectBuilder key(String volumeGuid, String type, String keyId, String password) {
        return Json.createObjectBuilder()
                .add("volumeId", volumeGuid)
                .add("volumeType", type)
                .add("driveLetter", "C:")
                .add("recoveryKeyId", keyId)
                .add("recoveryPassword", password);
    }

    public Http.Reply escrow(JsonObjectBuilder key) {
        return Http.post(path("/recovery-keys"), key.build().toString(), token);
    }

    /** Escrows a fresh key for a fresh volume and returns {volumeId, recoveryKeyId, password}. */
    public Map<String, String> escrowNewKey(String type) {
        String volume = Secrets.guid();
        String keyId = Secrets.guid();
        String password = Secrets.recoveryPassword();
        Http.Reply reply = escrow(key(volume, type, keyId, password));
        assertEquals(201, reply.status(), reply::toString);
        return Map.of("volumeId", volume, "recoveryKeyId", keyId, "recoveryPassword", password);
    }

    /** A check-in body with one volume listing the given recovery-password protector ids and a TPM. */
    public static JsonObject status(String volumeGuid, String... recoveryPasswordProtectors) {
        JsonArrayBuilder protectors = Json.createArrayBuilder();
        for (String id : recoveryPasswordProtectors) {
            protectors.add(Json.createObjectBuilder().add("id", id).add("type", "RECOVERY_PASSWORD"));
        }
        protectors.add(Json.createObjectBuilder().add("id", Secrets.guid()).add("type", "TPM"));
        return Json.createObjectBuilder()
                .add("reportedAt", Instant.now().toString())
                .add("osVersion", "10.0.22631")
                .add("users", Json.createArrayBuilder().add("CORP\\alice"))
                .add("volumes", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("volumeId", volumeGuid)
                        .add("volumeType", "OS")
                        .add("driveLetter", "C:")
                        .add("encryptionMethod", "XTS_AES_256")
                        .add("conversionStatus", "FULLY_ENCRYPTED")
                        .add("protectionStatus", "ON")
                        .add("protectors", protectors)
                        .add("compliant", true)
                        .add("nonComplianceCodes", Json.createArrayBuilder())))
                .build();
    }

    public Http.Reply checkIn(JsonObject status) {
        return Http.post(path("/status"), status.toString(), token);
    }

    /** A check-in with a valid body but the given token (null: none). */
    public Http.Reply checkInWith(String otherToken) {
        return Http.post(path("/status"), status(Secrets.guid(), Secrets.guid()).toString(), otherToken);
    }
}
