package org.keywarden.loadgen;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small in-test stand-in for the device API (enroll, escrow, check-in, health) on 127.0.0.1, with knobs
 * to lose or corrupt stored keys and to fail check-ins.
 */
public final class FakeKeywarden implements AutoCloseable {
    public static final String SECRET = "enroll-secret-for-tests";
    private static final Pattern DEVICE_PATH = Pattern.compile("/api/v1/devices/([^/]+)/(recovery-keys|status)");
    private static final Pattern PASSWORD = Pattern.compile("\\d{6}(-\\d{6}){7}");

    /** A stored key: its device and password. */
    public record StoredKey(String deviceId, String password) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    /** device id to token. */
    public final Map<String, String> tokens = new ConcurrentHashMap<>();
    public final Map<String, StoredKey> keys = new ConcurrentHashMap<>();
    public final AtomicInteger enrollments = new AtomicInteger();
    public final AtomicInteger escrows = new AtomicInteger();
    public final AtomicInteger checkIns = new AtomicInteger();
    public final AtomicInteger badRequests = new AtomicInteger();
    public final AtomicInteger healthChecks = new AtomicInteger();
    public volatile int checkInStatus = 200;

    public FakeKeywarden() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets a stored key (as if a crash lost it). */
    public void lose(String keyId) {
        keys.remove(keyId);
    }

    /** Replaces a stored key's password with another valid one. */
    public void corrupt(String keyId) {
        keys.computeIfPresent(keyId, (k, v) -> new StoredKey(v.deviceId(), "000000-".repeat(7) + "000011"));
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String path = ex.getRequestURI().getPath();
            if ("GET".equals(ex.getRequestMethod()) && path.equals("/api/v1/health")) {
                healthChecks.incrementAndGet();
                send(ex, 200, "{\"status\":\"UP\"}");
                return;
            }
            if (!"POST".equals(ex.getRequestMethod())) {
                send(ex, 405, "{}");
                return;
            }
            JsonObject json;
            try {
                json = Json.createReader(new StringReader(body)).readObject();
            } catch (RuntimeException e) {
                badRequests.incrementAndGet();
                send(ex, 400, "{\"status\":400}");
                return;
            }
            if (path.equals("/api/v1/devices")) {
                enroll(ex, json);
                return;
            }
            Matcher m = DEVICE_PATH.matcher(path);
            if (!m.matches()) {
                send(ex, 404, "{}");
                return;
            }
            String deviceId = m.group(1);
            String token = tokens.get(deviceId);
            if (token == null || !("Bearer " + token).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                send(ex, 401, "{\"status\":401}");
                return;
            }
            if (m.group(2).equals("status")) {
                checkIns.incrementAndGet();
                if (!json.containsKey("volumes") || !json.containsKey("reportedAt")) {
                    badRequests.incrementAndGet();
                    send(ex, 400, "{}");
                    return;
                }
                send(ex, checkInStatus, "{\"actions\":[],\"checkInIntervalMinutes\":90}");
                return;
            }
            escrow(ex, deviceId, json);
        }
    }

    private void enroll(HttpExchange ex, JsonObject json) throws IOException {
        if (!SECRET.equals(json.getString("enrollmentSecret", null))) {
            send(ex, 401, "{\"status\":401}");
            return;
        }
        enrollments.incrementAndGet();
        String id = UUID.randomUUID().toString();
        String token = "tok-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        tokens.put(id, token);
        send(ex, 201, Json.createObjectBuilder().add("deviceId", id).add("deviceToken", token).build().toString());
    }

    private void escrow(HttpExchange ex, String deviceId, JsonObject json) throws IOException {
        escrows.incrementAndGet();
        String keyId = json.getString("recoveryKeyId", "");
        String password = json.getString("recoveryPassword", "");
        if (keyId.isEmpty() || json.getString("volumeId", "").isEmpty() || !validPassword(password)) {
            badRequests.incrementAndGet();
            send(ex, 400, "{\"status\":400}");
            return;
        }
        StoredKey mine = new StoredKey(deviceId, password);
        StoredKey before = keys.putIfAbsent(keyId, mine);
        int status = before == null ? 201 : before.equals(mine) ? 200 : 409;
        send(ex, status, "{\"recoveryKeyId\":\"" + keyId + "\",\"state\":\"ACTIVE\"}");
    }

    /** The server's rule, written independently of the code under test. */
    static boolean validPassword(String p) {
        if (!PASSWORD.matcher(p).matches()) {
            return false;
        }
        for (String g : p.split("-")) {
            int v = Integer.parseInt(g);
            if (v % 11 != 0 || v / 11 > 65535) {
                return false;
            }
        }
        return true;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
