package org.keywarden.platform.boundary;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads a request body as one JSON object, at most 1 MiB, strict UTF-8. The same reading on every
 * server, so that broken bodies get the same problem+json answer on WildFly and Payara. A key given
 * twice in one object is refused (400 naming it), not resolved by taking the last.
 */
public final class JsonBodies {

    public static final int MAX_BYTES = 1024 * 1024;

    /** Looked up once: {@code Json.createReader} runs a service-loader lookup on every call. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(java.util.Map.of(
            jakarta.json.JsonConfig.KEY_STRATEGY, jakarta.json.JsonConfig.KeyStrategy.NONE));
    /** How the parser names a duplicate key: "Duplicate key 'a' is not allowed". */
    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("Duplicate key '(.{1,200})'");

    private JsonBodies() {
    }

    /** The body's object, or an empty object when there is no body (for requests whose fields are all optional). */
    public static JsonObject readOptionalObject(InputStream body) {
        byte[] bytes = readBounded(body);
        return bytes.length == 0 ? JsonValue.EMPTY_JSON_OBJECT : parse(bytes);
    }

    public static JsonObject readObject(InputStream body) {
        byte[] bytes = readBounded(body);
        if (bytes.length == 0) {
            throw new ProblemException(400, "Invalid request", "The request body is empty; a JSON object is expected",
                    java.util.List.of(new FieldError("body", "is required")));
        }
        return parse(bytes);
    }

    private static JsonObject parse(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw notJson("is not valid UTF-8");
        }
        JsonStructure structure;
        try (JsonReader reader = READERS.createReader(new ByteArrayInputStream(bytes))) {
            structure = reader.read();
        } catch (JsonException | IllegalStateException | StackOverflowError e) {
            java.util.regex.Matcher duplicate = DUPLICATE.matcher(String.valueOf(e.getMessage()));
            if (duplicate.find()) {
                // the same key twice: which value counts is ambiguous, so neither does
                throw ProblemException.invalid(java.util.List.of(new FieldError(duplicate.group(1),
                        "is given more than once")));
            }
            throw notJson("is not well-formed JSON");
        } catch (RuntimeException e) {
            // Parsson reports nesting beyond its depth limit with a bare RuntimeException.
            throw notJson("is not well-formed JSON or nested too deeply");
        }
        if (!(structure instanceof JsonObject object)) {
            throw notJson("must be a JSON object");
        }
        return object;
    }

    private static byte[] readBounded(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new ProblemException(413, "Content Too Large", "Request bodies are limited to 1 MiB");
            }
            return bytes;
        } catch (IOException e) {
            throw new ProblemException(400, "Bad Request", "The request body could not be read");
        }
    }

    static Response tooLarge() {
        return Problems.of(413, "Content Too Large", "Request bodies are limited to 1 MiB");
    }

    private static ProblemException notJson(String why) {
        return new ProblemException(400, "Invalid request", "The request body " + why,
                java.util.List.of(new FieldError("body", why)));
    }
}
