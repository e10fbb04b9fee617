package org.keywarden.settings.boundary;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.keywarden.platform.boundary.FieldError;
import org.keywarden.platform.boundary.ProblemException;
import org.keywarden.settings.control.AdjustableSettings;
import org.keywarden.settings.control.Lockout;
import org.keywarden.settings.control.Texts;

/**
 * The settings document of {@code /api/v1/admin/settings} (protocol.md): texts as objects by language,
 * lockouts as {@code {failures, windowMinutes, lockMinutes}}. A PUT may leave fields out: they keep
 * their value. Wrong JSON types are refused here, naming the field; the rules are the control layer's.
 */
final class SettingsJson {

    private SettingsJson() {
    }

    static JsonObject of(AdjustableSettings s) {
        return Json.createObjectBuilder()
                .add("companyName", texts(s.companyName()))
                .add("helpdeskText", texts(s.helpdeskText()))
                .add("helpdeskUrl", texts(s.helpdeskUrl()))
                .add("noticeText", texts(s.noticeText()))
                .add("noticeEnabled", s.noticeEnabled())
                .add("sessionIdleMinutes", s.sessionIdleMinutes())
                .add("keyAutoHideMinutes", s.keyAutoHideMinutes())
                .add("signInLockout", lockout(s.signInLockout()))
                .add("selfServiceLockout", lockout(s.selfServiceLockout()))
                .build();
    }

    /** {@code current} with what {@code json} changes. */
    static AdjustableSettings merged(JsonObject json, AdjustableSettings current) {
        List<FieldError> errors = new ArrayList<>();
        AdjustableSettings merged = new AdjustableSettings(
                texts(json, "companyName", current.companyName(), errors),
                texts(json, "noticeText", current.noticeText(), errors),
                texts(json, "helpdeskText", current.helpdeskText(), errors),
                texts(json, "helpdeskUrl", current.helpdeskUrl(), errors),
                flag(json, "noticeEnabled", current.noticeEnabled(), errors),
                number(json, "sessionIdleMinutes", current.sessionIdleMinutes(), errors),
                number(json, "keyAutoHideMinutes", current.keyAutoHideMinutes(), errors),
                lockout(json, "signInLockout", current.signInLockout(), errors),
                lockout(json, "selfServiceLockout", current.selfServiceLockout(), errors));
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return merged;
    }

    private static JsonObjectBuilder texts(Texts texts) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        texts.byLanguage().forEach(object::add);
        return object;
    }

    private static JsonObjectBuilder lockout(Lockout lockout) {
        return Json.createObjectBuilder().add("failures", lockout.failures())
                .add("windowMinutes", lockout.windowMinutes()).add("lockMinutes", lockout.lockMinutes());
    }

    private static Texts texts(JsonObject json, String field, Texts current, List<FieldError> errors) {
        if (!json.containsKey(field)) {
            return current;
        }
        if (json.isNull(field)) {
            return Texts.none();
        }
        if (json.get(field).getValueType() != JsonValue.ValueType.OBJECT || json.getJsonObject(field).size() > 50) {
            errors.add(new FieldError(field, "must be an object of texts by language, such as {\"en\": \"...\"}"));
            return current;
        }
        Map<String, String> byLanguage = new TreeMap<>();
        for (Map.Entry<String, JsonValue> text : json.getJsonObject(field).entrySet()) {
            if (text.getValue().getValueType() != JsonValue.ValueType.STRING) {
                errors.add(new FieldError(field, "each language's text must be a string"));
            } else if (!((jakarta.json.JsonString) text.getValue()).getString().isBlank()) {
                byLanguage.put(text.getKey().toLowerCase(java.util.Locale.ROOT),
                        ((jakarta.json.JsonString) text.getValue()).getString().strip());
            }
        }
        return new Texts(byLanguage);
    }

    private static boolean flag(JsonObject json, String field, boolean current, List<FieldError> errors) {
        if (!json.containsKey(field)) {
            return current;
        }
        JsonValue value = json.get(field);
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            errors.add(new FieldError(field, "must be true or false"));
            return current;
        }
        return value == JsonValue.TRUE;
    }

    private static double number(JsonObject json, String field, double current, List<FieldError> errors) {
        if (!json.containsKey(field)) {
            return current;
        }
        if (json.get(field).getValueType() != JsonValue.ValueType.NUMBER) {
            errors.add(new FieldError(field, "must be a number"));
            return current;
        }
        return ((JsonNumber) json.get(field)).doubleValue();
    }

    private static Lockout lockout(JsonObject json, String field, Lockout current, List<FieldError> errors) {
        if (!json.containsKey(field)) {
            return current;
        }
        if (json.get(field).getValueType() != JsonValue.ValueType.OBJECT) {
            errors.add(new FieldError(field, "must be {\"failures\", \"windowMinutes\", \"lockMinutes\"}"));
            return current;
        }
        JsonObject lockout = json.getJsonObject(field);
        double failures = number(lockout, "failures", current.failures(), errors);
        if (failures != Math.rint(failures) || Math.abs(failures) > 1_000_000) {
            errors.add(new FieldError(field + ".failures", "must be a whole number"));
            failures = current.failures();
        }
        return new Lockout((int) failures, number(lockout, "windowMinutes", current.windowMinutes(), errors),
                number(lockout, "lockMinutes", current.lockMinutes(), errors));
    }
}
