package org.keywarden.cli.imports;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Times as SQL Server and Graph print them, as RFC 3339 UTC; a time without zone is taken as UTC (MBAM stores UTC). */
final class SqlTimes {
    private static final DateTimeFormatter SQL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSSSSSS][.SSSSSS][.SSS][.SS][.S]");

    private SqlTimes() {
    }

    /** The time in RFC 3339, or null when there is none or it cannot be read. */
    static String toRfc3339(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            return OffsetDateTime.parse(v).toInstant().toString();
        } catch (DateTimeParseException e) {
            // not with an offset
        }
        try {
            return Instant.parse(v).toString();
        } catch (DateTimeParseException e) {
            // not UTC with Z
        }
        try {
            return LocalDateTime.parse(v.replace('T', ' '), SQL).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
