package org.keywarden.agent.api;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Client for the Keywarden device API, version 1 (protocol.md). Every method either returns the
 * parsed answer, or throws {@link ProblemException} when the server answered with another status,
 * or {@link ServerUnreachableException} when there was no answer. Nothing secret is ever put in a
 * URL or an exception message.
 */
public final class DeviceApi {
    private static final String JSON = "application/json";
    private static final String ACCEPT = "application/json, application/problem+json";

    private final String root;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final String userAgent;

    /**
     * @param serverUrl      the application's root URL, for example {@code https://keywarden.example.com}
     *                       (the API is under {@code /api/v1} below it)
     * @param http           the client (see {@link HttpClientFactory})
     * @param requestTimeout timeout for each request
     * @param userAgent      User-Agent header value
     */
    public DeviceApi(URI serverUrl, HttpClient http, Duration requestTimeout, String userAgent) {
        String s = Objects.requireNonNull(serverUrl, "serverUrl").toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        this.root = s + "/api/v1";
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.userAgent = userAgent;
    }

    /** {@code POST /api/v1/devices}: 201 with the device id and token. */
    public EnrollResponse enroll(EnrollRequest request) {
        HttpResponse<String> response = send(post(root + "/devices", null, JsonBodies.enroll(request)), Set.of(201));
        return JsonBodies.enrollResponse(body(response));
    }

    /** {@code POST /api/v1/devices/{id}/recovery-keys}: 201 (stored) or 200 (identical key already stored). */
    public EscrowResponse escrow(DeviceCredential device, EscrowRequest request) {
        HttpResponse<String> response = send(post(devicePath(device, "/recovery-keys"), device,
                JsonBodies.escrow(request)), Set.of(200, 201));
        JsonObject body = response.body() == null || response.body().isBlank()
                ? jakarta.json.JsonValue.EMPTY_JSON_OBJECT : body(response);
        return JsonBodies.escrowResponse(response.statusCode(), body);
    }

    /** {@code PUT /api/v1/devices/{id}/tpm}: 204. */
    public void putTpm(DeviceCredential device, TpmReport report) {
        HttpRequest request = builder(devicePath(device, "/tpm"), device)
                .header("Content-Type", JSON)
                .PUT(HttpRequest.BodyPublishers.ofString(JsonBodies.tpm(report), StandardCharsets.UTF_8))
                .build();
        send(request, Set.of(200, 204));
    }

    /** {@code POST /api/v1/devices/{id}/status}: 200 with the actions to perform. */
    public ActionsResponse checkIn(DeviceCredential device, StatusReport report) {
        HttpResponse<String> response = send(post(devicePath(device, "/status"), device, JsonBodies.status(report)),
                Set.of(200));
        return JsonBodies.actionsResponse(body(response));
    }

    /** {@code GET /api/v1/devices/{id}/actions}: 200 with the pending actions, without reporting status. */
    public ActionsResponse actions(DeviceCredential device) {
        HttpRequest request = builder(devicePath(device, "/actions"), device).GET().build();
        return JsonBodies.actionsResponse(body(send(request, Set.of(200))));
    }

    private String devicePath(DeviceCredential device, String suffix) {
        return root + "/devices/" + pathSegment(device.deviceId()) + suffix;
    }

    private HttpRequest post(String uri, DeviceCredential device, String json) {
        return builder(uri, device)
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .build();
    }

    private HttpRequest.Builder builder(String uri, DeviceCredential device) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT);
        if (userAgent != null) {
            b.header("User-Agent", userAgent);
        }
        if (device != null) {
            b.header("Authorization", "Bearer " + device.token());
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request, Set<Integer> expected) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ServerUnreachableException(request.method() + " " + request.uri() + " timed out", e);
        } catch (IOException e) {
            throw new ServerUnreachableException("cannot reach " + request.uri() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(request.method() + " " + request.uri() + " interrupted", e);
        }
        if (!expected.contains(response.statusCode())) {
            throw JsonBodies.problem(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
        }
        return response;
    }

    private static JsonObject body(HttpResponse<String> response) {
        try {
            return JsonBodies.parse(response.body());
        } catch (RuntimeException e) {
            throw new DeviceApiException("HTTP " + response.statusCode() + " from " + response.request().uri()
                    + " with a body that is not a JSON object");
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        String name = e.getClass().getSimpleName();
        return m == null || m.isBlank() ? name : Redaction.scrub(name + ": " + m);
    }

    private static String pathSegment(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "DeviceApi[" + root + "]";
    }
}
