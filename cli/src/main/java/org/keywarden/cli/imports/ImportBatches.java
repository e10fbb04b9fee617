package org.keywarden.cli.imports;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Sends rows to {@code POST /api/v1/admin/imports} in batches that fit the server's limits (at most
 * {@value #MAX_ROWS} rows and about {@value #MAX_BYTES} bytes each) and adds up the answers, refused rows
 * numbered as in the source.
 */
public final class ImportBatches {
    static final int MAX_ROWS = 1000;
    static final int MAX_BYTES = 900 * 1024;

    private final String source;
    private final Function<String, JsonObject> send;

    /** What all batches did together. */
    public record Totals(int imported, int alreadyPresent, int conflicting, List<String> invalid) {
    }

    /** @param send posts one request body and returns the server's answer */
    public ImportBatches(String source, Function<String, JsonObject> send) {
        this.source = source;
        this.send = send;
    }

    public Totals send(SourceRows from) {
        List<ImportRow> rows = from.rows();
        int imported = 0;
        int present = 0;
        int conflicting = 0;
        List<String> invalid = new ArrayList<>();
        int start = 0;
        while (start < rows.size()) {
            JsonArrayBuilder keys = Json.createArrayBuilder();
            int bytes = 0;
            int end = start;
            while (end < rows.size() && end - start < MAX_ROWS) {
                JsonObject row = json(rows.get(end));
                int size = row.toString().getBytes(StandardCharsets.UTF_8).length + 1;
                if (end > start && bytes + size > MAX_BYTES) {
                    break;
                }
                keys.add(row);
                bytes += size;
                end++;
            }
            JsonObject answer = send.apply(Json.createObjectBuilder().add("source", source).add("keys", keys)
                    .build().toString());
            imported += answer.getInt("imported");
            present += answer.getInt("alreadyPresent");
            conflicting += answer.getInt("conflicting");
            for (JsonValue v : answer.getJsonArray("invalid")) {
                JsonObject r = v.asJsonObject();
                int index = start + r.getInt("index");
                String keyId = rows.get(index).recoveryKeyId();
                // the key ID only if it is one (a shifted column could hold anything, a password too)
                String shown = keyId != null && keyId.matches("\\{?[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\\}?")
                        ? keyId : "no valid key ID";
                invalid.add(from.origins().get(index) + " (" + rows.get(index).hostname() + ", " + shown + "): "
                        + r.getString("field") + " " + r.getString("message"));
            }
            start = end;
        }
        return new Totals(imported, present, conflicting, invalid);
    }

    private static JsonObject json(ImportRow row) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        add(b, "hostname", row.hostname());
        add(b, "domain", row.domain());
        add(b, "recoveryKeyId", row.recoveryKeyId());
        add(b, "volumeId", row.volumeId());
        add(b, "volumeType", row.volumeType());
        add(b, "recoveryPassword", row.recoveryPassword());
        add(b, "keyPackage", row.keyPackage());
        add(b, "createdAt", row.createdAt());
        return b.build();
    }

    private static void add(JsonObjectBuilder b, String key, String value) {
        if (value != null) {
            b.add(key, value);
        }
    }
}
