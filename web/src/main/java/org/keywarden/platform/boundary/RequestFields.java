package org.keywarden.platform.boundary;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.keywarden.escrow.control.Guids;
import org.keywarden.platform.control.TextRules;

/**
 * Typed, validated access to the fields of one JSON object. Each broken rule is collected with the
 * field's path (e.g. {@code volumes[0].protectors[1].id}); {@link #throwIfInvalid()} answers all of
 * them at once. Messages name the rule and never echo the value.
 */
public final class RequestFields {

    /** No BitLocker device reports a time before this (BitLocker came with Windows Vista in 2007). */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final JsonObject json;
    private final String prefix;
    private final List<FieldError> errors;

    public RequestFields(JsonObject json) {
        this(json, "", new ArrayList<>());
    }

    private RequestFields(JsonObject json, String prefix, List<FieldError> errors) {
        this.json = json;
        this.prefix = prefix;
        this.errors = errors;
    }

    public void reject(String field, String message) {
        errors.add(new FieldError(prefix + field, message));
    }

    public boolean isValid() {
        return errors.isEmpty();
    }

    /** The broken rules so far, for a caller that reports them itself (one import row among many). */
    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private boolean absent(String name) {
        JsonValue value = json.get(name);
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    /** A single-line text of at most {@code maxLength} characters, or null when absent. */
    public String text(String name, boolean required, int maxLength) {
        if (absent(name)) {
            if (required) {
                reject(name, "is required");
            }
            return null;
        }
        if (!(json.get(name) instanceof JsonString string)) {
            reject(name, "must be a string");
            return null;
        }
        String value = string.getString();
        if (required && value.isBlank()) {
            reject(name, "must not be blank");
            return null;
        }
        if (value.length() > maxLength) {
            reject(name, "must be at most " + maxLength + " characters");
            return null;
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            reject(name, "must not contain control characters");
            return null;
        }
        if (TextRules.hasLoneSurrogate(value)) {
            reject(name, "must not contain unpaired surrogates (not Unicode text)");
            return null;
        }
        return value;
    }

    /**
     * A name that identifies something (hostname, domain, user name, drive letter): {@link #text} without
     * C1 controls, bidirectional overrides and isolates, or zero-width characters, which make one name
     * look like another.
     */
    public String identifier(String name, boolean required, int maxLength) {
        String value = text(name, required, maxLength);
        if (value != null && TextRules.hasDeceptiveCharacters(value)) {
            reject(name, "must not contain invisible, bidirectional-override or C1 control characters");
            return null;
        }
        return value;
    }

    public String guid(String name, boolean required) {
        String value = text(name, required, 64);
        if (value == null) {
            return null;
        }
        String normalized = Guids.normalize(value);
        if (normalized == null) {
            reject(name, "must be a GUID (8-4-4-4-12 hex digits, braces optional)");
        }
        return normalized;
    }

    public <E extends Enum<E>> E oneOf(String name, Class<E> type, boolean required) {
        String value = text(name, required, 64);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            reject(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** An RFC 3339 time, at most a day ahead of the server's clock (a skewed clock must not pin old data). */
    public Instant time(String name, boolean required) {
        String value = text(name, required, 64);
        if (value == null) {
            return null;
        }
        try {
            Instant instant = OffsetDateTime.parse(value).toInstant();
            if (instant.isBefore(EARLIEST)) {
                reject(name, "must not be before 2000-01-01");
                return null;
            }
            if (instant.isAfter(Instant.now().plusSeconds(86_400))) {
                reject(name, "must not be more than a day in the future");
                return null;
            }
            return instant;
        } catch (DateTimeParseException e) {
            reject(name, "must be an RFC 3339 time with offset, e.g. 2026-01-31T12:00:00Z");
            return null;
        }
    }

    /** An integer within the bounds, or null when absent. */
    public Integer optionalInteger(String name, int min, int max) {
        if (absent(name)) {
            return null;
        }
        if (!(json.get(name) instanceof JsonNumber n) || !n.isIntegral()
                || n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(min)) < 0
                || n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
            reject(name, "must be an integer from " + min + " to " + max);
            return null;
        }
        return n.intValue();
    }

    public boolean flag(String name, boolean defaultValue) {
        if (absent(name)) {
            return defaultValue;
        }
        JsonValue value = json.get(name);
        if (value == JsonValue.TRUE) {
            return true;
        }
        if (value == JsonValue.FALSE) {
            return false;
        }
        reject(name, "must be true or false");
        return defaultValue;
    }

    public Boolean optionalFlag(String name) {
        if (absent(name)) {
            return null;
        }
        return flag(name, false);
    }

    /** Base64 whose decoded length is within the bounds, or null when absent. */
    public byte[] base64(String name, boolean required, int minBytes, int maxBytes) {
        String value = text(name, required, (maxBytes / 3 + 1) * 4 + 4);
        if (value == null) {
            return null;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            reject(name, "must be base64");
            return null;
        }
        if (decoded.length < minBytes || decoded.length > maxBytes) {
            reject(name, "must decode to " + minBytes + " to " + maxBytes + " bytes");
            return null;
        }
        return decoded;
    }

    public List<String> texts(String name, int maxItems, int maxLength) {
        return list(name, maxItems, false, (item) -> {
            if (!(item.value instanceof JsonString s)) {
                reject(item.path, "must be a string");
                return null;
            }
            String value = s.getString();
            if (value.isBlank() || value.length() > maxLength || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)
                    || TextRules.hasLoneSurrogate(value) || TextRules.hasDeceptiveCharacters(value)) {
                reject(item.path, "must be 1 to " + maxLength + " characters of text without control, invisible or "
                        + "bidirectional-override characters");
                return null;
            }
            return value;
        });
    }

    public List<Integer> integers(String name, int maxItems, int min, int max) {
        return list(name, maxItems, false, (item) -> {
            if (!(item.value instanceof JsonNumber n) || !n.isIntegral()
                    || n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(min)) < 0
                    || n.bigDecimalValue().compareTo(java.math.BigDecimal.valueOf(max)) > 0) {
                reject(item.path, "must be an integer from " + min + " to " + max);
                return null;
            }
            return n.intValue();
        });
    }

    /** The objects of an array field, each with its own field access under this one's error list. */
    public List<RequestFields> objects(String name, int maxItems, boolean required) {
        return list(name, maxItems, required, (item) -> {
            if (!(item.value instanceof JsonObject object)) {
                reject(item.path, "must be an object");
                return null;
            }
            return new RequestFields(object, prefix + item.path + ".", errors);
        });
    }

    private record Item(String path, JsonValue value) {
    }

    private <T> List<T> list(String name, int maxItems, boolean required, Function<Item, T> reader) {
        if (absent(name)) {
            if (required) {
                reject(name, "is required");
            }
            return List.of();
        }
        if (!(json.get(name) instanceof JsonArray array)) {
            reject(name, "must be an array");
            return List.of();
        }
        if (array.size() > maxItems) {
            reject(name, "must have at most " + maxItems + " entries");
            return List.of();
        }
        List<T> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            T value = reader.apply(new Item(name + "[" + i + "]", array.get(i)));
            if (value != null) {
                values.add(value);
            }
        }
        return values;
    }
}
