package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * More than 300 malformed requests against every device endpoint: broken JSON, wrong types, huge
 * strings and bodies, invalid passwords and GUIDs, control and unicode characters, SQL and script
 * injection, wrong and missing tokens, wrong media types. Each gets a 4xx problem+json (naming the
 * field where one field is at fault), none a 5xx, and nothing is stored.
 */
@ExtendWith({ArquillianExtension.class, SharedDeployment.class})
@RunAsClient
@Order(75)
class BadInputCorpusIT {

    private static final List<String> TABLES = List.of("device", "device_user", "volume", "recovery_key",
            "tpm_owner_info", "volume_status");
    private static final List<String> BAD_PASSWORDS = List.of("", " ", "0", "123456", "not a password",
            "111112-111111-111111-111111-111111-111111-111111-111111",
            "000000-000000-000000-000000-000000-000000-000000-00000",
            "000000-000000-000000-000000-000000-000000-000000-0000000",
            "720896-000000-000000-000000-000000-000000-000000-000000",
            "999999-000000-000000-000000-000000-000000-000000-000000",
            "000000_000000_000000_000000_000000_000000_000000_000000",
            "000000-000000 000000-000000-000000-000000-000000-000000",
            "00000a-000000-000000-000000-000000-000000-000000-000000",
            "-000000-000000-000000-000000-000000-000000-000000-000000",
            "000000--000000-000000-000000-000000-000000-000000-00000",
            "٠٠٠٠٠٠-000000-000000-000000-000000-000000-000000-000000",
            "000000-000000-000000-000000-000000-000000-000000-000000\u0000",
            "'; DROP TABLE recovery_key; --", "<script>alert(1)</script>", "9".repeat(5000));
    private static final List<String> BAD_GUIDS = List.of("", "x", "0A1B2C3D", "0A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D",
            "{0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D", "0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5", "G" + "0".repeat(7)
            + "-4E5F-6A7B-8C9D-0E1F2A3B4C5D", "0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D\n", "' OR '1'='1",
            "<img src=x onerror=alert(1)>", "0A1B2C3D-4E5F-6A7B-8C9D-0E1F2A3B4C5D".repeat(100), "\u202e\u0000",
            "ＯＡ１Ｂ２Ｃ３Ｄ-4E5F-6A7B-8C9D-0E1F2A3B4C5D");
    private static final List<JsonValue> WRONG_TYPES = List.of(JsonValue.TRUE, Json.createValue(42),
            Json.createValue(4.2), Json.createArrayBuilder().add("a").build(), Json.createObjectBuilder().add("a", 1).build());
    private static final List<String> BROKEN_BODIES = List.of("", " ", "{", "}", "[", "[]", "[{}]", "null", "true",
            "42", "\"text\"", "{\"a\":}", "{\"a\":1,}", "{'a':1}", "{a:1}", "{\"a\":\"\\x\"}", "{\"a\":\"\\ud800\"",
            "<xml/>", "{\"a\":1}}", "\u0000", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}",
            "[".repeat(50_000) + "]".repeat(50_000), "{\"a\":" + "[".repeat(5_000));


    /** One malformed request and what must come back. */
    private record Case(String name, HttpRequest.Builder request, String field) {
    }

    @Test
    void everyMalformedRequestGetsA4xxProblemAndNothingIsStored() {
        TestDevice device = TestDevice.enroll();
        TestDevice other = TestDevice.enroll();
        Map<String, Long> before = counts();
        List<Case> corpus = corpus(device, other);
        assertTrue(corpus.size() >= 300, "corpus too small: " + corpus.size());

        List<String> wrong = new ArrayList<>();
        for (Case c : corpus) {
            Http.Reply reply = Http.send(c.request(), null);
            String problem = check(reply, c.field());
            if (problem != null) {
                wrong.add(c.name() + " -> " + problem);
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(before, counts(), "a refused request stored something");
        System.out.println("bad-input corpus: " + corpus.size() + " requests, all refused with a 4xx problem");
    }

    @Test
    void injectionInValidTextIsStoredAsText() {
        String hostname = "PC'; DROP TABLE device; -- <script>alert(1)</script>";
        TestDevice device = TestDevice.enroll(Json.createObjectBuilder().add("hostname", hostname));
        assertEquals(hostname, Database.text("SELECT hostname FROM device WHERE device_id = ?", device.id));
        assertTrue(Database.count("SELECT COUNT(*) FROM device") >= 1, "the table is still there");
    }

    private static String check(Http.Reply reply, String field) {
        if (reply.status() < 400 || reply.status() >= 500) {
            return "status " + reply.status() + " " + abbreviated(reply.body());
        }
        String type = reply.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return "not problem+json: " + type + " " + abbreviated(reply.body());
        }
        JsonObject body = reply.json();
        if (body.getInt("status", -1) != reply.status() || !body.containsKey("title") || !body.containsKey("detail")) {
            return "incomplete problem: " + abbreviated(reply.body());
        }
        if (field != null && reply.status() == 400 && (!body.containsKey("errors") || body.getJsonArray("errors")
                .stream().noneMatch(e -> field.equals(e.asJsonObject().getString("field"))))) {
            return "field " + field + " not named: " + abbreviated(reply.body());
        }
        return null;
    }

    private static String abbreviated(String body) {
        return body.length() > 160 ? body.substring(0, 160) + "..." : body;
    }

    private static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        TABLES.forEach(t -> counts.put(t, Database.count("SELECT COUNT(*) FROM " + t)));
        return counts;
    }

    private static List<Case> corpus(TestDevice device, TestDevice other) {
        List<Case> corpus = new ArrayList<>();
        JsonObject enroll = Json.createObjectBuilder().add("enrollmentSecret", Keywarden.enrollmentSecret())
                .add("domain", "CORP").add("serialNumber", "SN").add("osVersion", "10.0")
                .add("users", Json.createArrayBuilder().add("CORP\\alice")).add("migratedFromMbam", false).build();
        JsonObject escrow = TestDevice.key(Secrets.guid(), "OS", Secrets.guid(), Secrets.recoveryPassword())
                .add("keyPackage", "AAEC").add("replaces", Secrets.guid()).build();
        JsonObject tpm = Json.createObjectBuilder().add("ownerAuthHash", Secrets.tpmHash())
                .add("reportedAt", Instant.now().toString()).build();
        JsonObject status = TestDevice.status(Secrets.guid(), Secrets.guid());
        Map<String, JsonObject> endpoints = new LinkedHashMap<>();
        endpoints.put("/devices", enroll); // valid but for the missing hostname: each case below breaks one more field
        endpoints.put(device.path("/recovery-keys"), escrow);
        endpoints.put(device.path("/tpm"), tpm);
        endpoints.put(device.path("/status"), status);

        for (Map.Entry<String, JsonObject> endpoint : endpoints.entrySet()) {
            String path = endpoint.getKey();
            String method = path.endsWith("/tpm") ? "PUT" : "POST";
            String token = path.equals("/devices") ? null : device.token;
            for (String body : BROKEN_BODIES) {
                corpus.add(new Case(method + " " + path + " broken body", send(method, path, token, body), null));
            }
            corpus.add(new Case(method + " " + path + " over 1 MiB", send(method, path, token,
                    "{\"x\":\"" + "a".repeat(1024 * 1024) + "\"}"), null));
            corpus.add(new Case(method + " " + path + " text/plain", send(method, path, token, "{}")
                    .header("Content-Type", "text/plain"), null));
            corpus.add(new Case(method + " " + path + " form", send(method, path, token, "a=b")
                    .header("Content-Type", "application/x-www-form-urlencoded"), null));
            for (String field : endpoint.getValue().keySet()) {
                if (path.equals("/devices") && field.equals("enrollmentSecret")) {
                    continue; // a wrong secret is a 401, covered with the tokens
                }
                JsonValue.ValueType validType = endpoint.getValue().get(field).getValueType();
                for (JsonValue wrongType : WRONG_TYPES) {
                    if (sameType(wrongType.getValueType(), validType)) {
                        continue; // a value of the field's own type is no wrong type
                    }
                    corpus.add(withField(method, path, token, endpoint.getValue(), field, wrongType, field));
                }
                // '~' is valid in no field: not base64, not a GUID, too long for any text
                corpus.add(withField(method, path, token, endpoint.getValue(), field,
                        Json.createValue("~".repeat(20_000)), field));
            }
        }
        // enrollment: hostname rules (the body above has none: a valid one is added per case)
        for (String hostname : List.of("", "   ", "x".repeat(256), "PC\u0000", "PC\n1", "PC\t", "\u0007",
                "PC\u007f", "PC-\u202eEXE", "PC\u2066-1", "PC\u200b1", "PC\ufeff", "PC\u0085")) {
            corpus.add(withField("POST", "/devices", null, enroll, "hostname", Json.createValue(hostname), "hostname"));
        }
        // names that could pass for others (bidirectional overrides, zero-width, C1 controls) in every identifier
        for (String deceptive : List.of("CORP\u202e", "CO\u200dRP", "CORP\u0090")) {
            corpus.add(withField("POST", "/devices", null, enroll, "domain", Json.createValue(deceptive), "domain"));
            corpus.add(withField("POST", "/devices", null, enroll, "users",
                    Json.createArrayBuilder().add("CORP\\" + deceptive).build(), "users[0]"));
            corpus.add(withField("POST", device.path("/recovery-keys"), device.token, escrow, "driveLetter",
                    Json.createValue("C:" + deceptive), "driveLetter"));
            corpus.add(withField("POST", device.path("/status"), device.token, status, "users",
                    Json.createArrayBuilder().add(deceptive).build(), "users[0]"));
        }
        // an unpaired surrogate (sent as a JSON escape: it cannot be UTF-8), and a key given twice
        String enrollBody = Json.createObjectBuilder(enroll).add("hostname", "PC-SURROGATE").build().toString();
        corpus.add(new Case("enroll hostname with an unpaired surrogate", send("POST", "/devices", null,
                enrollBody.replace("PC-SURROGATE", "PC\\ud800")), "hostname"));
        corpus.add(new Case("enroll with hostname twice", send("POST", "/devices", null,
                enrollBody.replace("\"hostname\":\"PC-SURROGATE\"", "\"hostname\":\"PC-ONE\",\"hostname\":\"PC-TWO\"")),
                "hostname"));
        String escrowBody = escrow.toString();
        corpus.add(new Case("escrow with recoveryPassword twice", send("POST", device.path("/recovery-keys"), device.token,
                escrowBody.substring(0, escrowBody.length() - 1) + ",\"recoveryPassword\":\""
                        + Secrets.recoveryPassword() + "\"}"), "recoveryPassword"));
        // passwords and GUIDs
        for (String password : BAD_PASSWORDS) {
            corpus.add(withField("POST", device.path("/recovery-keys"), device.token, escrow, "recoveryPassword",
                    Json.createValue(password), "recoveryPassword"));
        }
        for (String guid : BAD_GUIDS) {
            for (String field : List.of("volumeId", "recoveryKeyId", "replaces")) {
                corpus.add(withField("POST", device.path("/recovery-keys"), device.token, escrow, field,
                        Json.createValue(guid), field));
            }
            JsonObject volume = Json.createObjectBuilder(status.getJsonArray("volumes").getJsonObject(0))
                    .add("volumeId", guid).build();
            corpus.add(new Case("status volumeId " + guid, send("POST", device.path("/status"), device.token,
                    Json.createObjectBuilder(status).add("volumes", Json.createArrayBuilder().add(volume)).build()
                            .toString()), "volumes[0].volumeId"));
        }
        for (String type : List.of("", "os ", "USB", "CDROM", "'; --", "\u0000", "x".repeat(100))) {
            corpus.add(withField("POST", device.path("/recovery-keys"), device.token, escrow, "volumeType",
                    Json.createValue(type), "volumeType"));
        }
        for (String base64 : List.of("%%%", "A", "AAEC\u0000", "=", "AAEC AAEC", "AA==AA==")) {
            corpus.add(withField("POST", device.path("/recovery-keys"), device.token, escrow, "keyPackage",
                    Json.createValue(base64), "keyPackage"));
            corpus.add(withField("PUT", device.path("/tpm"), device.token, tpm, "ownerAuthHash",
                    Json.createValue(base64), "ownerAuthHash"));
        }
        for (String time : List.of("", "now", "2026-13-01T00:00:00Z", "1999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "2026-01-01", "2026-01-01T00:00:00",
                "9999-01-01T00:00:00Z", "1/1/2026", "2026-01-01T25:00:00Z")) {
            corpus.add(withField("PUT", device.path("/tpm"), device.token, tpm, "reportedAt", Json.createValue(time),
                    "reportedAt"));
            corpus.add(withField("POST", device.path("/status"), device.token, status, "reportedAt",
                    Json.createValue(time), "reportedAt"));
        }
        // tokens: missing, malformed, of another device, and a wrong enrollment secret
        List<String> badAuthorizations = List.of("", "Bearer", "Bearer ", "Bearer x", "Basic YWRtaW46YWRtaW4=",
                "bearer" + device.token, "Bearer " + device.token + "x", "Bearer " + "x".repeat(10_000),
                "Bearer ' OR '1'='1", "Token " + device.token);
        for (String path : List.of(device.path("/recovery-keys"), device.path("/tpm"), device.path("/status"),
                device.path("/actions"))) {
            String method = path.endsWith("/tpm") ? "PUT" : path.endsWith("/actions") ? "GET" : "POST";
            String body = path.endsWith("/tpm") ? tpm.toString() : path.endsWith("/status") ? status.toString()
                    : escrow.toString();
            for (String authorization : badAuthorizations) {
                HttpRequest.Builder request = send(method, path, null, body);
                if (!authorization.isEmpty()) {
                    request.header("Authorization", authorization);
                }
                corpus.add(new Case(method + " " + path + " auth " + abbreviated(authorization), request, null));
            }
            corpus.add(new Case(method + " " + path + " other device's token", send(method, path, other.token, body),
                    null));
        }
        for (String secret : List.of("", "wrong", "x".repeat(1000), "' OR '1'='1")) {
            corpus.add(new Case("enroll secret " + abbreviated(secret), send("POST", "/devices", null,
                    Json.createObjectBuilder(enroll).add("hostname", "PC-BAD").add("enrollmentSecret", secret).build()
                            .toString()), secret.isEmpty() ? "enrollmentSecret" : null));
        }
        corpus.add(new Case("escrow to another device's path", send("POST", other.path("/recovery-keys"), device.token,
                escrow.toString()), null));
        corpus.add(new Case("unknown device path", send("GET", "/devices/" + Secrets.guid() + "/actions", device.token,
                null), null));
        return corpus;
    }

    private static boolean sameType(JsonValue.ValueType a, JsonValue.ValueType b) {
        return a == b || isBoolean(a) && isBoolean(b);
    }

    private static boolean isBoolean(JsonValue.ValueType type) {
        return type == JsonValue.ValueType.TRUE || type == JsonValue.ValueType.FALSE;
    }

    private static Case withField(String method, String path, String token, JsonObject valid, String field,
                                  JsonValue value, String expectedField) {
        JsonObjectBuilder body = Json.createObjectBuilder(valid).add(field, value);
        if (path.equals("/devices") && !field.equals("hostname")) {
            body.add("hostname", "PC-BAD-INPUT");
        }
        return new Case(method + " " + path + " " + field + "=" + abbreviated(value.toString()),
                send(method, path, token, body.build().toString()), expectedField);
    }

    private static HttpRequest.Builder send(String method, String path, String token, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Keywarden.api(path)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }
}
