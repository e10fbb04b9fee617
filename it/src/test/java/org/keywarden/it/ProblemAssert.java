package org.keywarden.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/** Checks that a reply is an RFC 9457 problem with the status and, for validation, the field named. */
public final class ProblemAssert {

    private ProblemAssert() {
    }

    public static JsonObject assertProblem(Http.Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType() != null && reply.contentType().startsWith("application/problem+json"),
                () -> "not problem+json: " + reply.contentType() + " " + reply);
        JsonObject problem = reply.json();
        assertEquals(status, problem.getInt("status"), reply::toString);
        assertTrue(problem.containsKey("title") && problem.containsKey("detail"), reply::toString);
        return problem;
    }

    public static JsonObject assertInvalidField(Http.Reply reply, String field) {
        JsonObject problem = assertProblem(reply, 400);
        assertTrue(problem.containsKey("errors"), () -> "no errors list: " + reply);
        boolean named = problem.getJsonArray("errors").stream()
                .map(JsonValue::asJsonObject)
                .anyMatch(e -> field.equals(e.getString("field")) && !e.getString("message").isBlank());
        assertTrue(named, () -> "field " + field + " not named in " + reply);
        return problem;
    }
}
