package org.keywarden.cli.imports;

import java.util.List;

/**
 * What a source gave: the rows to import, and what could not even be read (where, and why; no secret).
 */
public record SourceRows(List<ImportRow> rows, List<Skipped> skipped) {
    public SourceRows {
        rows = List.copyOf(rows);
        skipped = List.copyOf(skipped);
    }

    /** A record of the source that gave no row. */
    public record Skipped(String where, String why) {
    }
}
