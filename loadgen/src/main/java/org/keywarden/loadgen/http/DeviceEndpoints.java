package org.keywarden.loadgen.http;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import org.keywarden.loadgen.device.SimulatedDevice;
import org.keywarden.loadgen.device.SimulatedVolume;

/**
 * The device calls the load generator makes, and the health check. Each returns the server's answer
 * whatever its status, and throws only when there was no answer (I/O error, timeout). Tokens and passwords go
 * in headers and bodies only, never in a URL.
 */
public final class DeviceEndpoints {
    private static final String JSON = "application/json";
    private static final String USER_AGENT = "keywarden-loadgen";

    private final String api;
    private final HttpClient http;
    private final Duration timeout;
    private final boolean closeEachConnection;

    /**
     * @param server  the application's root URL; the API is under {@code /api/v1} below it
     * @param timeout timeout of each request
     */
    public DeviceEndpoints(URI server, HttpClient http, Duration timeout) {
        this(server, http, timeout, false);
    }

    /**
     * @param closeEachConnection send {@code Connection: close} with every request, so that each opens a
     *                            connection of its own (needs {@code jdk.httpclient.allowRestrictedHeaders=connection})
     */
    public DeviceEndpoints(URI server, HttpClient http, Duration timeout, boolean closeEachConnection) {
        String root = Objects.requireNonNull(server, "server").toString();
        while (root.endsWith("/")) {
            root = root.substring(0, root.length() - 1);
        }
        this.api = root + "/api/v1";
        this.http = Objects.requireNonNull(http, "http");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.closeEachConnection = closeEachConnection;
    }

    /** {@code POST /api/v1/devices}. */
    public HttpResponse<String> enroll(String enrollmentSecret, String hostname, String domain)
            throws IOException, InterruptedException {
        JsonObject body = JsonSupport.object()
                .add("enrollmentSecret", enrollmentSecret)
                .add("hostname", hostname)
                .add("domain", domain)
                .add("osVersion", "10.0.22631")
                .add("users", JsonSupport.array().add(domain + "\\" + hostname.toLowerCase(Locale.ROOT)))
                .build();
        return send(post(api + "/devices", null, JsonSupport.compact(body)));
    }

    /** {@code POST /api/v1/devices/{id}/recovery-keys}. */
    public HttpResponse<String> escrow(String deviceId, String token, EscrowRequest request)
            throws IOException, InterruptedException {
        return send(post(api + "/devices/" + deviceId + "/recovery-keys", token, request.toJson()));
    }

    /** {@code POST /api/v1/devices/{id}/status}, listing every volume with its TPM and escrowed protectors. */
    public HttpResponse<String> checkIn(SimulatedDevice device) throws IOException, InterruptedException {
        JsonArrayBuilder volumes = JsonSupport.array();
        for (SimulatedVolume v : device.volumes()) {
            JsonArrayBuilder protectors = JsonSupport.array();
            String keyId = v.escrowedKeyId();
            if (keyId != null) {
                protectors.add(JsonSupport.object().add("id", keyId).add("type", "RECOVERY_PASSWORD"));
            }
            if (v.tpmProtectorId() != null) {
                protectors.add(JsonSupport.object().add("id", v.tpmProtectorId()).add("type", "TPM"));
            }
            volumes.add(JsonSupport.object()
                    .add("volumeId", v.volumeId())
                    .add("volumeType", v.volumeType())
                    .add("driveLetter", v.driveLetter())
                    .add("encryptionMethod", "XTS_AES_256")
                    .add("conversionStatus", "FULLY_ENCRYPTED")
                    .add("protectionStatus", "ON")
                    .add("protectors", protectors)
                    .add("compliant", true)
                    .add("nonComplianceCodes", JsonSupport.array()));
        }
        JsonObject body = JsonSupport.object()
                .add("reportedAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
                .add("osVersion", "10.0.22631")
                .add("volumes", volumes)
                .build();
        return send(post(api + "/devices/" + device.deviceId() + "/status", device.token(), JsonSupport.compact(body)));
    }

    /** {@code GET /api/v1/health} (no authentication, no database). */
    public HttpResponse<String> health() throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(api + "/health"))
                .timeout(timeout)
                .header("Accept", JSON)
                .header("User-Agent", USER_AGENT)
                .GET()
                .build());
    }

    private HttpRequest post(String uri, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri))
                .timeout(timeout)
                .header("Content-Type", JSON)
                .header("Accept", "application/json, application/problem+json")
                .header("User-Agent", USER_AGENT)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b.build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        if (closeEachConnection) {
            request = HttpRequest.newBuilder(request, (name, value) -> true).header("Connection", "close").build();
        }
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
