package org.keywarden.agent.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Converts the device API's request and response bodies between records and JSON. */
final class JsonBodies {
    private JsonBodies() {
    }

    static String enroll(EnrollRequest r) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("enrollmentSecret", r.enrollmentSecret())
                .add("hostname", r.hostname());
        addIfPresent(b, "domain", r.domain());
        addIfPresent(b, "serialNumber", r.serialNumber());
        addIfPresent(b, "osVersion", r.osVersion());
        if (!r.users().isEmpty()) {
            b.add("users", strings(r.users()));
        }
        b.add("migratedFromMbam", r.migratedFromMbam());
        return b.build().toString();
    }

    static String escrow(EscrowRequest r) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("volumeId", r.volumeId())
                .add("volumeType", r.volumeType());
        addIfPresent(b, "driveLetter", r.driveLetter());
        b.add("recoveryKeyId", r.recoveryKeyId()).add("recoveryPassword", r.recoveryPassword());
        addIfPresent(b, "keyPackage", r.keyPackage());
        addIfPresent(b, "replaces", r.replaces());
        return b.build().toString();
    }

    static String tpm(TpmReport r) {
        return Json.createObjectBuilder()
                .add("ownerAuthHash", r.ownerAuthHash())
                .add("reportedAt", time(r.reportedAt()))
                .build().toString();
    }

    static String status(StatusReport r) {
        JsonObjectBuilder b = Json.createObjectBuilder().add("reportedAt", time(r.reportedAt()));
        addIfPresent(b, "osVersion", r.osVersion());
        b.add("users", strings(r.users()));
        JsonArrayBuilder volumes = Json.createArrayBuilder();
        for (VolumeStatus v : r.volumes()) {
            JsonObjectBuilder vb = Json.createObjectBuilder()
                    .add("volumeId", v.volumeId())
                    .add("volumeType", v.volumeType());
            addIfPresent(vb, "driveLetter", v.driveLetter());
            addIfPresent(vb, "encryptionMethod", v.encryptionMethod());
            addIfPresent(vb, "conversionStatus", v.conversionStatus());
            addIfPresent(vb, "protectionStatus", v.protectionStatus());
            JsonArrayBuilder ps = Json.createArrayBuilder();
            for (ProtectorStatus p : v.protectors()) {
                ps.add(Json.createObjectBuilder().add("id", p.id()).add("type", p.type()));
            }
            JsonArrayBuilder codes = Json.createArrayBuilder();
            v.nonComplianceCodes().forEach(codes::add);
            vb.add("protectors", ps);
            if (v.compliant() != null) {
                vb.add("compliant", v.compliant().booleanValue());
            }
            vb.add("nonComplianceCodes", codes);
            volumes.add(vb);
        }
        return b.add("volumes", volumes).build().toString();
    }

    static EnrollResponse enrollResponse(JsonObject o) {
        String deviceId = string(o, "deviceId");
        String token = string(o, "deviceToken");
        if (deviceId == null || token == null) {
            throw new DeviceApiException("enrollment answer lacks deviceId or deviceToken");
        }
        return new EnrollResponse(deviceId, token);
    }

    static EscrowResponse escrowResponse(int status, JsonObject o) {
        return new EscrowResponse(status, string(o, "recoveryKeyId"), string(o, "state"), instant(string(o, "escrowedAt")));
    }

    static ActionsResponse actionsResponse(JsonObject o) {
        List<DeviceAction> actions = new ArrayList<>();
        JsonValue arr = o.get("actions");
        if (arr instanceof JsonArray a) {
            for (JsonValue v : a) {
                if (v instanceof JsonObject ao) {
                    actions.add(new DeviceAction(string(ao, "type"), string(ao, "volumeId"), string(ao, "recoveryKeyId")));
                }
            }
        }
        JsonValue interval = o.get("checkInIntervalMinutes");
        return new ActionsResponse(actions, interval instanceof JsonNumber n ? n.intValue() : null);
    }

    static ProblemException problem(int status, String contentType, String body) {
        String type = null;
        String title = null;
        String detail = null;
        List<FieldError> errors = new ArrayList<>();
        if (contentType != null && contentType.contains("json") && body != null && !body.isBlank()) {
            try {
                JsonObject o = parse(body);
                type = string(o, "type");
                title = string(o, "title");
                detail = string(o, "detail");
                if (o.get("errors") instanceof JsonArray a) {
                    for (JsonValue v : a) {
                        if (v instanceof JsonObject e) {
                            errors.add(new FieldError(string(e, "field"), string(e, "message")));
                        }
                    }
                }
            } catch (RuntimeException ignored) {
                // not a problem document; fall back to the reason phrase
            }
        }
        if (title == null) {
            title = reasonPhrase(status);
        }
        return new ProblemException(status, type, title, detail, errors, body);
    }

    static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static Instant instant(String s) {
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s ? s.getString() : null;
    }

    private static JsonArrayBuilder strings(List<String> values) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        values.forEach(a::add);
        return a;
    }

    private static void addIfPresent(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }

    private static String reasonPhrase(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 409 -> "Conflict";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status >= 200 && status < 300 ? "Unexpected status" : null;
        };
    }
}
