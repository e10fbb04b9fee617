package org.keywarden.cli.imports;

import java.util.List;

/**
 * What a source gave: the rows to import with where each comes from (for example {@code record 5}), and what
 * could not even be read (where, and why; no secret).
 */
public record SourceRows(List<ImportRow> rows, List<Skipped> skipped, List<String> origins) {
    public SourceRows {
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
        origins = List.copyOf(origins);
        if (origins.size() != rows.size()) {
            throw new IllegalArgumentException("one origin per row");
        }
    }

    /** Rows numbered 1, 2, ... as they came. */
    public SourceRows(List<ImportRow> rows, List<Skipped> skipped) {
        this(rows, skipped, java.util.stream.IntStream.rangeClosed(1, rows.size()).mapToObj(i -> "row " + i).toList());
    }

    /** A record of the source that gave no row. */
    public record Skipped(String where, String why) {
    }
}
