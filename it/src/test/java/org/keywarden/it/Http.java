package org.keywarden.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Real HTTP to the server under test. Every reply body is kept, so that the leak scan can prove
 * no response ever carried an escrowed secret.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    static final List<String> REPLY_BODIES = new CopyOnWriteArrayList<>();

    private Http() {
    }

    /** One answer: status, headers and body, with the body as JSON on demand. */
    public record Reply(int status, HttpResponse<String> response) {

        public String body() {
            return response.body();
        }

        public JsonObject json() {
            return Json.createReader(new StringReader(body())).readObject();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        @Override
        public String toString() {
            return status + " " + body();
        }
    }

    public static Reply post(String path, String json, String token) {
        return send(request(path, token).POST(HttpRequest.BodyPublishers.ofString(json)), json);
    }

    public static Reply put(String path, String json, String token) {
        return send(request(path, token).PUT(HttpRequest.BodyPublishers.ofString(json)), json);
    }

    public static Reply get(String path, String token) {
        return send(request(path, token).GET(), null);
    }

    public static Reply send(HttpRequest.Builder builder, String json) {
        Reply reply = sendUnrecorded(builder);
        REPLY_BODIES.add(reply.body());
        return reply;
    }

    /**
     * For the disclosure path only, whose answer rightly carries the recovery password: kept out of the
     * answers the leak scan searches (the server log is still searched for that password).
     */
    public static Reply sendUnrecorded(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = CLIENT.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request as the given user, with HTTP Basic, as a scripted client sends it (X-Requested-By). */
    public static HttpRequest.Builder asUser(String path, String username, String password) {
        return HttpRequest.newBuilder(URI.create(Keywarden.api(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("X-Requested-By", "keywarden-it")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (username + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    public static HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(Keywarden.api(path)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }
}
