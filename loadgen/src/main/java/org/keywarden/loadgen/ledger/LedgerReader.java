package org.keywarden.loadgen.ledger;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a whole ledger, setting aside lines that cannot be parsed (for example a torn last line). */
public final class LedgerReader {
    private LedgerReader() {
    }

    /** The entries of a ledger and the number of lines that were not entries. */
    public record Contents(List<LedgerEntry> entries, int malformedLines) {
    }

    public static Contents read(Path file) throws IOException {
        List<LedgerEntry> entries = new ArrayList<>();
        int malformed = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(LedgerEntry.parse(line));
                } catch (IllegalArgumentException e) {
                    malformed++;
                }
            }
        }
        return new Contents(List.copyOf(entries), malformed);
    }
}
