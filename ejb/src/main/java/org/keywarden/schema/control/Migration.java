package org.keywarden.schema.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/** One versioned migration script, {@code V<n>__<description>.sql}, read from the class path. */
record Migration(int version, String description, String script) {

    static Migration load(String folder, String fileName) {
        if (!fileName.matches("V\\d+__\\w+\\.sql")) {
            throw new IllegalStateException("Migration file name must be V<n>__<description>.sql: " + fileName);
        }
        String resource = "db/migration/" + folder + "/" + fileName;
        try (InputStream in = Migration.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing migration " + resource);
            }
            int separator = fileName.indexOf("__");
            return new Migration(Integer.parseInt(fileName.substring(1, separator)),
                    fileName.substring(separator + 2, fileName.length() - 4).replace('_', ' '),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read migration " + resource, e);
        }
    }

    long checksum() {
        CRC32 crc = new CRC32();
        // line endings do not count: a checkout with CRLF must not look like a changed migration
        crc.update(script.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }

    /** The statements of the script: split at semicolons that end a line; comment lines dropped. */
    List<String> statements() {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            current.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String statement = current.toString().strip();
                statements.add(statement.substring(0, statement.length() - 1));
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            statements.add(current.toString().strip());
        }
        return statements;
    }
}
