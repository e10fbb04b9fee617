package org.keywarden.imports.control;

import java.util.List;

/**
 * What an import did: how many keys it stored, found already present (the same password), found
 * conflicting (the ID stored with another password), and which rows it refused and why. No secret.
 */
public record ImportReport(int imported, int alreadyPresent, int conflicting, List<Rejection> invalid) {

    public ImportReport {
        invalid = List.copyOf(invalid);
    }

    /** A refused row: its index in the request, the field, and the rule it broke (never the value). */
    public record Rejection(int index, String field, String message) {
    }
}
