package org.keywarden.cli.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Reads the admin API's answers (and problem documents) from JSON into records. */
final class Responses {
    private Responses() {
    }

    public static JsonObject object(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    static EncryptionReport encryptionReport(String body) {
        JsonObject o = object(body);
        List<CertificateInfo> certificates = new ArrayList<>();
        for (JsonObject c : objects(o, "certificates")) {
            certificates.add(new CertificateInfo(string(c, "fingerprint"), string(c, "subject"),
                    string(c, "notBefore"), string(c, "notAfter"), c.getBoolean("encrypts", false),
                    longOr(c, "records", 0)));
        }
        return new EncryptionReport(string(o, "mode"), string(o, "keystore"), o.getBoolean("generatedKeystore", false),
                certificates, string(o, "backupConfirmedFor"), string(o, "backupConfirmedAt"),
                string(o, "backupConfirmedBy"), strings(o, "warnings"), body);
    }

    static RewrapProgress rewrapProgress(String body) {
        JsonObject o = object(body);
        Long eta = o.get("etaSeconds") instanceof JsonNumber n ? n.longValue() : null;
        Integer limit = o.get("limitPerSecond") instanceof JsonNumber n ? n.intValue() : null;
        double rate = o.get("recordsPerSecond") instanceof JsonNumber n ? n.doubleValue() : 0;
        String state = string(o, "state");
        return new RewrapProgress(state == null ? "UNKNOWN" : state, string(o, "target"), longOr(o, "total", 0),
                longOr(o, "done", 0), longOr(o, "remaining", 0), rate, eta, string(o, "startedAt"),
                string(o, "startedBy"), limit, strings(o, "failedRecords"), body);
    }

    static BackupConfirmation backupConfirmation(String body) {
        return new BackupConfirmation(string(object(body), "confirmedFor"), body);
    }

    static AddedCertificate addedCertificate(String body) {
        return new AddedCertificate(string(object(body), "fingerprint"), body);
    }

    /** A problem from a non-accepted answer; falls back to the reason phrase when the body is no problem document. */
    static ProblemException problem(int status, String contentType, String body, String location) {
        String title = null;
        String detail = null;
        List<FieldError> errors = new ArrayList<>();
        if (contentType != null && contentType.contains("json") && body != null && !body.isBlank()) {
            try {
                JsonObject o = object(body);
                title = string(o, "title");
                detail = string(o, "detail");
                for (JsonObject e : objects(o, "errors")) {
                    errors.add(new FieldError(string(e, "field"), string(e, "message")));
                }
            } catch (RuntimeException notJson) {
                // not a problem document: the reason phrase has to do
            }
        }
        if (title == null || title.isBlank()) {
            title = ReasonPhrases.of(status);
        }
        if (detail == null && location != null && status >= 300 && status < 400) {
            detail = "redirected to " + location + "; give that server URL with --server";
        }
        return new ProblemException(status, title, detail, errors, body);
    }

    private static List<JsonObject> objects(JsonObject o, String key) {
        List<JsonObject> list = new ArrayList<>();
        if (o.get(key) instanceof JsonArray a) {
            for (JsonValue v : a) {
                if (v instanceof JsonObject e) {
                    list.add(e);
                }
            }
        }
        return list;
    }

    private static List<String> strings(JsonObject o, String key) {
        List<String> list = new ArrayList<>();
        if (o.get(key) instanceof JsonArray a) {
            for (JsonValue v : a) {
                if (v instanceof JsonString s) {
                    list.add(s.getString());
                }
            }
        }
        return list;
    }

    private static String string(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static long longOr(JsonObject o, String key, long fallback) {
        return o.get(key) instanceof JsonNumber n ? n.longValue() : fallback;
    }
}
