package org.keywarden.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;

/** Builds {@code application/problem+json} responses (RFC 9457). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Looked up once: {@code Json.createObjectBuilder} runs a service-loader lookup on every call. */
    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(java.util.Map.of());

    private Problems() {
    }

    public static Response of(ProblemException problem) {
        JsonObjectBuilder body = JSON.createObjectBuilder()
                .add("type", "about:blank")
                .add("status", problem.status())
                .add("title", problem.title())
                .add("detail", problem.detail());
        if (!problem.errors().isEmpty()) {
            JsonArrayBuilder errors = JSON.createArrayBuilder();
            problem.errors().forEach(e -> errors.add(JSON.createObjectBuilder()
                    .add("field", e.field()).add("message", e.message())));
            body.add("errors", errors);
        }
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(body.build().toString()).build();
    }

    public static Response of(int status, String title, String detail) {
        return of(new ProblemException(status, title, detail));
    }

    /** A 503 problem that tells the client when to send again. */
    public static Response unavailable(String title, String detail, int retryAfterSeconds) {
        return Response.fromResponse(of(503, title, detail)).header("Retry-After", String.valueOf(retryAfterSeconds))
                .build();
    }
}
