package org.keywarden.cli.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CSV that the documented SQL query exports from MBAM's or ConfigMgr's recovery database: a header row,
 * then one key per row. Columns are found by name, in any order and case: {@code Hostname} (or
 * {@code MachineName}, {@code Name}), {@code RecoveryKeyId}, {@code RecoveryKey} (the password;
 * ConfigMgr's query decrypts it), optional {@code Domain} (or {@code DomainName}), {@code VolumeGuid},
 * {@code VolumeType}, {@code LastUpdateTime}.
 */
public final class DatabaseExport {
    private static final List<String> HOSTNAME = List.of("hostname", "machinename", "name");
    private static final List<String> KEY_ID = List.of("recoverykeyid");
    private static final List<String> PASSWORD = List.of("recoverykey", "recoverypassword");
    private static final List<String> DOMAIN = List.of("domain", "domainname");
    private static final List<String> VOLUME = List.of("volumeguid", "volumeid");
    private static final List<String> TYPE = List.of("volumetype");
    private static final List<String> TIME = List.of("lastupdatetime", "createdat");

    private DatabaseExport() {
    }

    /** The rows of the export, a row that cannot be read counted in {@code skipped} (no value in the text). */
    public static SourceRows read(Reader in) throws IOException {
        List<List<String>> records = Csv.read(in);
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the CSV is empty: it needs a header row (Hostname,RecoveryKeyId,RecoveryKey,...)");
        }
        Map<String, Integer> columns = new TreeMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
        }
        int host = column(columns, HOSTNAME, true);
        int keyId = column(columns, KEY_ID, true);
        int password = column(columns, PASSWORD, true);
        int domain = column(columns, DOMAIN, false);
        int volume = column(columns, VOLUME, false);
        int type = column(columns, TYPE, false);
        int time = column(columns, TIME, false);
        List<ImportRow> rows = new ArrayList<>();
        List<String> origins = new ArrayList<>();
        List<SourceRows.Skipped> skipped = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.size() != header.size()) {
                skipped.add(new SourceRows.Skipped("record " + r, "has " + record.size() + " fields, the header "
                        + header.size()));
                continue;
            }
            rows.add(new ImportRow(value(record, host), value(record, domain), value(record, keyId),
                    value(record, volume), volumeType(value(record, type)), value(record, password),
                    null, SqlTimes.toRfc3339(value(record, time))));
            origins.add("record " + r);
        }
        return new SourceRows(rows, skipped, origins);
    }

    private static int column(Map<String, Integer> columns, List<String> names, boolean required) {
        for (String name : names) {
            Integer i = columns.get(name);
            if (i != null) {
                return i;
            }
        }
        if (required) {
            // the first row is not shown: without a header it would be a key, password and all
            throw new IllegalArgumentException("the CSV has no column " + names.get(0) + " in its first row: it needs a "
                    + "header row naming Hostname, RecoveryKeyId and RecoveryKey");
        }
        return -1;
    }

    private static String value(List<String> record, int column) {
        if (column < 0) {
            return null;
        }
        String v = record.get(column).strip();
        return v.isEmpty() || v.equalsIgnoreCase("NULL") ? null : v;
    }

    /** MBAM's volume type ids (1 OS, 2 fixed, 3 removable) or names. */
    private static String volumeType(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "1", "OS", "OPERATINGSYSTEM" -> "OS";
            case "2", "FIXED", "FIXEDDATA" -> "FIXED";
            case "3", "REMOVABLE", "REMOVABLEDATA" -> "REMOVABLE";
            default -> value;
        };
    }
}
