package org.keywarden.cli.api;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Client for the Keywarden admin REST API below {@code <server>/api/v1/admin}, authenticated with
 * HTTP Basic. Each method returns the parsed answer (which keeps the raw JSON), or throws
 * {@link ProblemException} for another status, {@link ServerUnreachableException} when there was no
 * answer, or {@link AdminApiException} when a success answer is not the expected JSON.
 */
public final class AdminApi {
    private static final String ACCEPT = "application/json, application/problem+json";

    private final String root;
    private final String apiRoot;
    private final HttpClient http;
    private final BasicCredentials credentials;
    private final Duration requestTimeout;
    private final String userAgent;

    /**
     * @param serverUrl      the application's root URL, e.g. {@code https://keywarden.example.com}
     * @param http           the client (see {@link HttpClientFactory})
     * @param credentials    an administrator's user name and password
     * @param requestTimeout timeout of each request
     * @param userAgent      User-Agent header value, or {@code null}
     */
    public AdminApi(URI serverUrl, HttpClient http, BasicCredentials credentials, Duration requestTimeout,
                    String userAgent) {
        String s = Objects.requireNonNull(serverUrl, "serverUrl").toString();
        while (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        this.apiRoot = s + "/api/v1";
        this.root = apiRoot + "/admin";
        this.http = Objects.requireNonNull(http, "http");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        this.userAgent = userAgent;
    }

    /** The user name the calls authenticate as. */
    public String user() {
        return credentials.user();
    }

    /** {@code GET /admin/encryption}. */
    public EncryptionReport encryption() {
        return read(send(request("/encryption").GET(), Set.of(200)), Responses::encryptionReport);
    }

    /** {@code POST /admin/encryption/backup-confirmation} (no body). */
    public BackupConfirmation confirmBackup() {
        return read(send(request("/encryption/backup-confirmation").POST(HttpRequest.BodyPublishers.noBody()),
                Set.of(200, 201)), Responses::backupConfirmation);
    }

    /** {@code POST /admin/encryption/certificates} (no body): 201 with the new certificate's fingerprint. */
    public AddedCertificate addCertificate() {
        return read(send(request("/encryption/certificates").POST(HttpRequest.BodyPublishers.noBody()),
                Set.of(200, 201)), Responses::addedCertificate);
    }

    /** {@code DELETE /admin/encryption/certificates/{fingerprint}}: 204 (409 still needed or newest, 404 unknown). */
    public void retireCertificate(String fingerprint, boolean force) {
        send(request("/encryption/certificates/" + hexOnly(fingerprint) + (force ? "?force=true" : "")).DELETE(),
                Set.of(200, 204));
    }

    /** {@code GET /admin/encryption/rewrap}. */
    public RewrapProgress rewrapProgress() {
        return read(send(request("/encryption/rewrap").GET(), Set.of(200)), Responses::rewrapProgress);
    }

    /**
     * {@code POST /admin/encryption/rewrap}: 202 with the progress.
     *
     * @param recordsPerSecond at most this many records per second, or {@code null} for no limit
     */
    public RewrapProgress startRewrap(Integer recordsPerSecond) {
        String json = recordsPerSecond == null ? "{}" : "{\"recordsPerSecond\":" + recordsPerSecond + "}";
        HttpRequest.Builder b = request("/encryption/rewrap")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return read(send(b, Set.of(200, 202)), Responses::rewrapProgress);
    }

    /** {@code POST /admin/encryption/rewrap/cancellation} (no body): 202 with the progress. */
    public RewrapProgress cancelRewrap() {
        return read(send(request("/encryption/rewrap/cancellation").POST(HttpRequest.BodyPublishers.noBody()),
                Set.of(200, 202)), Responses::rewrapProgress);
    }

    /** {@code GET /admin/users}: the users as the server answered (JSON). */
    public jakarta.json.JsonObject users() {
        return read(send(request("/users").GET(), Set.of(200)), Responses::object);
    }

    /** {@code POST /admin/users}; the password is sent once and never kept here. */
    public jakarta.json.JsonObject addUser(String username, char[] password, java.util.List<String> roles) {
        String body = jakarta.json.Json.createObjectBuilder().add("username", username)
                .add("password", new String(password)).add("roles", jakarta.json.Json.createArrayBuilder(roles))
                .build().toString();
        return read(send(json(request("/users"), body, "POST"), Set.of(201)), Responses::object);
    }

    /** {@code PUT /admin/users/{username}} with the given changes. */
    public jakarta.json.JsonObject changeUser(String username, jakarta.json.JsonObject changes) {
        String path = "/users/" + java.net.URLEncoder.encode(username, StandardCharsets.UTF_8).replace("+", "%20");
        return read(send(json(request(path), changes.toString(), "PUT"), Set.of(200)), Responses::object);
    }

    /** {@code POST /admin/devices/{deviceId}/rotation}: how many keys the device will replace. */
    public int rotateDevice(String deviceId, String recoveryKeyId, String reason) {
        var body = jakarta.json.Json.createObjectBuilder().add("reason", reason);
        if (recoveryKeyId != null) {
            body.add("recoveryKeyId", recoveryKeyId);
        }
        String path = "/devices/" + java.net.URLEncoder.encode(deviceId, StandardCharsets.UTF_8) + "/rotation";
        return read(send(json(request(path), body.build().toString(), "POST"), Set.of(202)), Responses::object)
                .getInt("keys");
    }

    /** {@code GET /audit?<query>}: one page of events (JSON). */
    public jakarta.json.JsonObject auditEvents(String query) {
        return read(send(request(apiRoot, "/audit" + (query.isEmpty() ? "" : "?" + query)).GET(), Set.of(200)),
                Responses::object);
    }

    /** {@code GET /audit?<query>} as CSV: the page's text and the query of the next page (null: none). */
    public String[] auditCsv(String query) {
        HttpResponse<String> answer = send(request(apiRoot, "/audit" + (query.isEmpty() ? "" : "?" + query))
                .setHeader("Accept", "text/csv").GET(), Set.of(200));
        String link = answer.headers().firstValue("Link").orElse(null);
        String next = link == null ? null : link.replaceFirst("^<\\?cursor=([^>]*)>.*$", "$1");
        return new String[] {answer.body(), next};
    }

    /** {@code GET /audit/verification}. */
    public jakarta.json.JsonObject auditVerification() {
        return read(send(request(apiRoot, "/audit/verification").GET(), Set.of(200)), Responses::object);
    }

    /** {@code POST /admin/backups}: a backup into the server's data directory. */
    public jakarta.json.JsonObject takeBackup() {
        return read(send(json(request("/backups"), "", "POST"), Set.of(201)), Responses::object);
    }

    /** {@code POST /admin/imports}: one batch of keys (the body holds secrets; it is sent and forgotten). */
    public jakarta.json.JsonObject importKeys(String body) {
        return read(send(json(request("/imports"), body, "POST"), Set.of(200)), Responses::object);
    }

    private static HttpRequest.Builder json(HttpRequest.Builder b, String body, String method) {
        return b.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }

    private HttpRequest.Builder request(String path) {
        return request(root, path);
    }

    private HttpRequest.Builder request(String base, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(requestTimeout)
                .header("Accept", ACCEPT)
                .header("X-Requested-By", "keywarden-admin")
                .header("Authorization", credentials.authorizationHeader());
        if (userAgent != null) {
            b.header("User-Agent", userAgent);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, Set<Integer> accepted) {
        HttpRequest request = builder.build();
        String what = request.method() + " " + request.uri();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new ServerUnreachableException(what + " timed out", e);
        } catch (IOException e) {
            throw new ServerUnreachableException("cannot reach " + request.uri() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerUnreachableException(what + " interrupted", e);
        }
        if (!accepted.contains(response.statusCode())) {
            throw Responses.problem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers().firstValue("Location").orElse(null));
        }
        return response;
    }

    private static <T> T read(HttpResponse<String> response, Function<String, T> parser) {
        try {
            return parser.apply(response.body());
        } catch (RuntimeException e) {
            throw new AdminApiException("HTTP " + response.statusCode() + " from " + response.request().method() + " "
                    + response.request().uri() + " with a body that is not the expected JSON object");
        }
    }

    private static String hexOnly(String fingerprint) {
        if (fingerprint == null || !fingerprint.matches("[0-9A-Fa-f]+")) {
            throw new IllegalArgumentException("a fingerprint is hexadecimal: " + fingerprint);
        }
        return fingerprint;
    }

    private static String describe(IOException e) {
        String name = e.getClass().getSimpleName();
        String m = e.getMessage();
        if (e instanceof ConnectException && (m == null || m.isBlank())) {
            return "connection refused";
        }
        return m == null || m.isBlank() ? name : name + ": " + m;
    }

    @Override
    public String toString() {
        return "AdminApi[" + root + " as " + credentials.user() + "]";
    }
}
