package org.keywarden.agent;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.keywarden.client.RecoveryPasswords;

/**
 * A small in-test stand-in for the device API (protocol.md), enough to exercise the agent's
 * enroll / escrow / tpm / check-in / rotation logic without the real server.
 */
final class FakeDeviceServer implements AutoCloseable {
    static final String SECRET = "enroll-me";

    final HttpServer server;
    final String token = "tok-" + UUID.randomUUID() + UUID.randomUUID();
    String deviceId;
    final Map<String, JsonObject> keys = Collections.synchronizedMap(new LinkedHashMap<>());
    final Set<String> rotationRequested = Collections.synchronizedSet(new LinkedHashSet<>());
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final List<JsonObject> statusReports = Collections.synchronizedList(new ArrayList<>());
    volatile JsonObject tpm;
    volatile int failEscrowWith;

    FakeDeviceServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            requests.add(method + " " + path + " " + body);
            if (method.equals("POST") && path.equals("/api/v1/devices")) {
                JsonObject req = parse(body);
                if (!SECRET.equals(req.getString("enrollmentSecret", null))) {
                    problem(ex, 401, "Unauthorized", "wrong enrollment secret");
                    return;
                }
                deviceId = UUID.randomUUID().toString();
                send(ex, 201, Json.createObjectBuilder().add("deviceId", deviceId).add("deviceToken", token).build());
                return;
            }
            String prefix = "/api/v1/devices/" + deviceId;
            if (!("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                problem(ex, 401, "Unauthorized", "no valid device token");
                return;
            }
            if (!path.startsWith(prefix + "/")) {
                problem(ex, 403, "Forbidden", "not your device");
                return;
            }
            switch (method + " " + path.substring(prefix.length())) {
                case "POST /recovery-keys" -> escrow(ex, parse(body));
                case "PUT /tpm" -> {
                    tpm = parse(body);
                    ex.sendResponseHeaders(204, -1);
                }
                case "POST /status" -> {
                    JsonObject report = parse(body);
                    statusReports.add(report);
                    sendActions(ex, report);
                }
                case "GET /actions" -> sendActions(ex, statusReports.isEmpty() ? null
                        : statusReports.get(statusReports.size() - 1));
                default -> problem(ex, 404, "Not Found", "no such endpoint");
            }
        }
    }

    private void escrow(HttpExchange ex, JsonObject req) throws IOException {
        if (failEscrowWith != 0) {
            problem(ex, failEscrowWith, "Service Unavailable", "try later");
            return;
        }
        String id = req.getString("recoveryKeyId");
        String password = req.getString("recoveryPassword");
        if (!RecoveryPasswords.isValid(password)) {
            problem(ex, 400, "Bad Request", "recoveryPassword breaks the checksum rule");
            return;
        }
        JsonObject existing = keys.get(id);
        int status;
        if (existing == null) {
            keys.put(id, req);
            status = 201;
        } else if (existing.getString("recoveryPassword").equals(password)) {
            status = 200;
        } else {
            problem(ex, 409, "Conflict", "recovery key " + id + " is already stored with a different password");
            return;
        }
        String replaces = req.getString("replaces", null);
        if (replaces != null) {
            rotationRequested.remove(replaces);
        }
        send(ex, status, Json.createObjectBuilder().add("recoveryKeyId", id).add("state", "ACTIVE")
                .add("escrowedAt", "2025-11-25T06:38:00Z").build());
    }

    private void sendActions(HttpExchange ex, JsonObject report) throws IOException {
        JsonArrayBuilder actions = Json.createArrayBuilder();
        if (report != null) {
            for (JsonValue v : report.getJsonArray("volumes")) {
                JsonObject volume = v.asJsonObject();
                for (JsonValue p : volume.getJsonArray("protectors")) {
                    JsonObject protector = p.asJsonObject();
                    String id = protector.getString("id");
                    if (!protector.getString("type").equals("RECOVERY_PASSWORD")) {
                        continue;
                    }
                    String type = !keys.containsKey(id) ? "ESCROW_RECOVERY_KEY"
                            : rotationRequested.contains(id) ? "ROTATE_RECOVERY_KEY" : null;
                    if (type != null) {
                        actions.add(Json.createObjectBuilder().add("type", type)
                                .add("volumeId", volume.getString("volumeId")).add("recoveryKeyId", id));
                    }
                }
            }
        }
        send(ex, 200, Json.createObjectBuilder().add("actions", actions).add("checkInIntervalMinutes", 90).build());
    }

    private static JsonObject parse(String body) {
        try (JsonReader r = Json.createReader(new StringReader(body))) {
            return r.readObject();
        }
    }

    private static void send(HttpExchange ex, int status, JsonObject json) throws IOException {
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }

    private static void problem(HttpExchange ex, int status, String title, String detail) throws IOException {
        byte[] bytes = Json.createObjectBuilder().add("status", status).add("title", title).add("detail", detail)
                .build().toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/problem+json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
