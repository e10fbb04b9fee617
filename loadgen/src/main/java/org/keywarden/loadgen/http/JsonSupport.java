package org.keywarden.loadgen.http;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.Map;

/**
 * One JSON-P provider for the whole process (looking it up per call goes through the service
 * loader every time), with compact and pretty writers.
 */
public final class JsonSupport {
    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonWriterFactory PRETTY =
            PROVIDER.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));
    private static final JsonWriterFactory COMPACT = PROVIDER.createWriterFactory(Map.of());

    private JsonSupport() {
    }

    public static JsonProvider provider() {
        return PROVIDER;
    }

    public static JsonObjectBuilder object() {
        return PROVIDER.createObjectBuilder();
    }

    public static JsonArrayBuilder array() {
        return PROVIDER.createArrayBuilder();
    }

    /** Parses a JSON object; throws {@link jakarta.json.JsonException} or {@link ClassCastException} otherwise. */
    public static JsonObject parseObject(String text) {
        try (JsonReader reader = PROVIDER.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    /** The value on one line. */
    public static String compact(JsonStructure value) {
        StringWriter sw = new StringWriter();
        try (JsonWriter w = COMPACT.createWriter(sw)) {
            w.write(value);
        }
        return sw.toString();
    }

    /** Writes the value indented, followed by a line break. */
    public static void pretty(JsonStructure value, Writer out) {
        try (JsonWriter w = PRETTY.createWriter(new NonClosingWriter(out))) {
            w.write(value);
        }
    }

    private static final class NonClosingWriter extends FilterWriter {
        NonClosingWriter(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
