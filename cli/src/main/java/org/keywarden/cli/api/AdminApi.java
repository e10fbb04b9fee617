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
        this.root = s + "/api/v1/admin";
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

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(root + path))
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
