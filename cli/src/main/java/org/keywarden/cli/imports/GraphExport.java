package org.keywarden.cli.imports;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Entra ID's keys as Microsoft Graph gives them: {@code informationProtection/bitlocker/recoveryKeys}
 * objects ({@code id}, {@code deviceId}, {@code key}, {@code volumeType} 1 OS / 2 fixed / 3 removable,
 * {@code createdDateTime}), as a {@code {"value": [...]}} page or a plain array; and the devices
 * ({@code deviceId}, {@code displayName}) that name their computers. Entra ID has no volume GUID and no
 * key package.
 */
public final class GraphExport {
    private GraphExport() {
    }

    public static SourceRows read(Reader keys, Reader devices) {
        Map<String, String> names = new HashMap<>();
        for (JsonObject d : objects(devices)) {
            String id = text(d, "deviceId");
            String name = text(d, "displayName");
            if (id != null && name != null) {
                names.put(id.toLowerCase(Locale.ROOT), name);
            }
        }
        List<ImportRow> rows = new ArrayList<>();
        List<SourceRows.Skipped> skipped = new ArrayList<>();
        List<JsonObject> all = objects(keys);
        for (int i = 0; i < all.size(); i++) {
            JsonObject k = all.get(i);
            String deviceId = text(k, "deviceId");
            String hostname = deviceId == null ? null : names.get(deviceId.toLowerCase(Locale.ROOT));
            if (text(k, "key") == null) {
                skipped.add(new SourceRows.Skipped("key " + i + " (" + text(k, "id") + ")",
                        "has no key: fetch each key with ?$select=key"));
            } else if (hostname == null) {
                skipped.add(new SourceRows.Skipped("key " + i + " (" + text(k, "id") + ")",
                        "its deviceId " + deviceId + " is not in the devices file"));
            } else {
                rows.add(new ImportRow(hostname, null, text(k, "id"), null, volumeType(k.get("volumeType")),
                        text(k, "key"), null, SqlTimes.toRfc3339(text(k, "createdDateTime"))));
            }
        }
        return new SourceRows(rows, skipped);
    }

    private static List<JsonObject> objects(Reader raw) {
        // Windows PowerShell's Set-Content -Encoding UTF8 writes a byte order mark, which a JSON parser refuses
        java.io.PushbackReader in = new java.io.PushbackReader(raw, 1);
        try {
            int first = in.read();
            if (first >= 0 && first != '\uFEFF') {
                in.unread(first);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try (JsonReader reader = Json.createReader(in)) {
            JsonValue v = reader.readValue();
            if (v.getValueType() == JsonValue.ValueType.OBJECT && v.asJsonObject().containsKey("value")) {
                v = v.asJsonObject().get("value");
            }
            if (v.getValueType() != JsonValue.ValueType.ARRAY) {
                throw new IllegalArgumentException("expected a JSON array or a Graph page {\"value\": [...]}");
            }
            return v.asJsonArray().getValuesAs(JsonObject.class);
        } catch (jakarta.json.JsonException | ClassCastException e) {
            throw new IllegalArgumentException("not the JSON Graph returns: " + e.getClass().getSimpleName());
        }
    }

    private static String text(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }

    private static String volumeType(JsonValue v) {
        String s = v instanceof JsonString js ? js.getString() : v == null ? null : v.toString();
        if (s == null) {
            return null;
        }
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "1", "operatingsystemvolume" -> "OS";
            case "2", "fixeddatavolume" -> "FIXED";
            case "3", "removabledatavolume" -> "REMOVABLE";
            default -> null;
        };
    }
}
