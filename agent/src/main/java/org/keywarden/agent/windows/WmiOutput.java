package org.keywarden.agent.windows;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.keywarden.agent.api.Redaction;

/**
 * Reads what a {@link WmiScripts} script printed: the JSON on standard output, where one element may
 * arrive unwrapped from its array and a status code as a signed or unsigned number, or the error on
 * standard error (our own one-line form, or the CLIXML that PowerShell writes when its error stream is
 * redirected), turned into one clear, secret-free message.
 */
final class WmiOutput {
    private static final String CLIXML = "#< CLIXML";
    /** Operations whose output holds no secret, so that a line of it may be shown when it is not JSON. */
    private static final java.util.Set<String> SHOWABLE = java.util.Set.of(WmiScripts.VOLUMES, WmiScripts.MACHINE,
            WmiScripts.TASK_INTERVAL, WmiScripts.ADD, WmiScripts.DELETE);

    private WmiOutput() {
    }

    /** The printed JSON value, after checking the exit code. */
    static JsonValue json(String operation, PowerShell.Result result) {
        if (result.exitCode() != 0) {
            throw new PowerShellException(failure(operation, result));
        }
        String text = result.stdout().strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isEmpty()) {
            throw new PowerShellException("PowerShell printed nothing for " + operation);
        }
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        } catch (JsonException e) {
            if (!SHOWABLE.contains(operation)) {
                // its output may hold a recovery password, a key package or the TPM owner auth
                throw new PowerShellException("PowerShell printed no JSON for " + operation + " (output not shown)");
            }
            String first = Redaction.scrub(text.lines().findFirst().orElse("").strip());
            throw new PowerShellException("PowerShell printed no JSON for " + operation + ": \""
                    + first.substring(0, Math.min(120, first.length())) + "\"");
        }
    }

    /** The printed JSON object of a method call. */
    static JsonObject object(String operation, PowerShell.Result result) {
        List<JsonObject> objects = objects(json(operation, result));
        if (objects.size() != 1) {
            throw new PowerShellException("PowerShell printed " + objects.size() + " objects for " + operation);
        }
        return objects.get(0);
    }

    /** The objects of a JSON array, or the one object PowerShell unwrapped from it; null is none. */
    static List<JsonObject> objects(JsonValue value) {
        List<JsonObject> list = new ArrayList<>();
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return list;
        }
        if (value.getValueType() == JsonValue.ValueType.OBJECT) {
            list.add(value.asJsonObject());
            return list;
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            for (JsonValue v : value.asJsonArray()) {
                list.addAll(objects(v));
            }
        }
        return list;
    }

    static String string(JsonObject o, String key) {
        JsonValue v = o.get(key);
        return v instanceof JsonString s && !s.getString().isBlank() ? s.getString() : null;
    }

    /** A number, or {@code fallback} when missing or null. */
    static long number(JsonObject o, String key, long fallback) {
        JsonValue v = o.get(key);
        if (v instanceof JsonNumber n) {
            return n.longValue();
        }
        if (v instanceof JsonString s && s.getString().matches("-?\\d{1,10}")) {
            return Long.parseLong(s.getString());
        }
        return fallback;
    }

    static boolean bool(JsonObject o, String key) {
        return o.get(key) == JsonValue.TRUE;
    }

    /** A one-line message for a script that failed, with the WMI code explained where one is found. */
    static String failure(String operation, PowerShell.Result result) {
        String error = result.stderr().strip();
        if (error.startsWith(CLIXML)) {
            error = clixmlErrors(error);
        }
        String firstLine = error.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        StringBuilder message = new StringBuilder("PowerShell failed for ").append(operation)
                .append(" (exit code ").append(result.exitCode()).append(")");
        if (!firstLine.isEmpty()) {
            message.append(": ").append(firstLine);
        }
        WmiReturnCodes.findIn(error).ifPresent(code -> {
            String described = WmiReturnCodes.describe(code);
            if (described.contains("(")) {
                message.append(" - ").append(described);
            }
        });
        return Redaction.scrub(message.toString());
    }

    /** The text of the error records in a CLIXML error stream ({@code <S S="Error">...</S>}). */
    static String clixmlErrors(String clixml) {
        StringBuilder text = new StringBuilder();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<S S=\"Error\">(.*?)</S>", java.util.regex.Pattern.DOTALL)
                .matcher(clixml);
        while (m.find()) {
            text.append(m.group(1));
        }
        return text.toString().replace("_x000D_", "").replace("_x000A_", "\n")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}
