package org.keywarden.agent;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The agent's log file: every line the agent prints, time-stamped and marked {@code INFO} or {@code ERROR},
 * appended to {@code FILE}; at 1 MiB it becomes {@code FILE.1} (the older ones shift, 5 are kept). What the
 * agent prints never holds a secret, so neither does the log. A log that cannot be written does not stop
 * the agent.
 */
final class RotatingLog {
    static final long MAX_BYTES = 1024 * 1024;
    static final int KEPT = 5;

    private final Path file;
    private final long maxBytes;

    RotatingLog(Path file, long maxBytes) {
        this.file = file;
        this.maxBytes = maxBytes;
    }

    /** A writer that passes everything on to {@code console} and appends each whole line to the log. */
    PrintWriter tee(PrintWriter console, String level) {
        return new PrintWriter(new Writer() {
            private final StringBuilder line = new StringBuilder();

            @Override
            public void write(char[] chars, int off, int len) {
                console.write(chars, off, len);
                for (int i = off; i < off + len; i++) {
                    if (chars[i] == '\n') {
                        RotatingLog.this.append(level, line.toString());
                        line.setLength(0);
                    } else if (chars[i] != '\r') {
                        line.append(chars[i]);
                    }
                }
            }

            @Override
            public void flush() {
                console.flush();
            }

            @Override
            public void close() {
                flush();
            }
        }, true);
    }

    synchronized void append(String level, String text) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (Files.exists(file) && Files.size(file) >= maxBytes) {
                rotate();
            }
            String entry = Instant.now().truncatedTo(ChronoUnit.MILLIS) + " " + level + " " + text + System.lineSeparator();
            Files.writeString(file, entry, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the console still has the line; the log is a convenience
        }
    }

    private void rotate() throws IOException {
        Files.deleteIfExists(numbered(KEPT));
        for (int i = KEPT - 1; i >= 1; i--) {
            if (Files.exists(numbered(i))) {
                Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, numbered(1), StandardCopyOption.REPLACE_EXISTING);
    }

    private Path numbered(int i) {
        return file.resolveSibling(file.getFileName() + "." + i);
    }
}
