package org.keywarden.cli.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 records (quoted fields, doubled quotes, CRLF or LF) as {@code Export-Csv} and most SQL tools
 * write them; a quote opens a quoted field only at its start, and one left open is an error. Blank lines are
 * skipped, and so is a {@code sqlcmd} separator line of dashes under the header.
 */
final class Csv {
    private Csv() {
    }

    /** All records of the text, the header first. */
    static List<List<String>> read(Reader in) throws IOException {
        String text = new String(readAll(in));
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                record.add(field.toString());
                field.setLength(0);
                records.add(List.copyOf(record));
                record.clear();
            } else if (c != '\r') {
                field.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("the CSV ends inside a quoted field (a quote is not closed)");
        }
        if (field.length() > 0 || !record.isEmpty()) {
            record.add(field.toString());
            records.add(List.copyOf(record));
        }
        records.removeIf(r -> r.size() == 1 && r.get(0).isBlank());
        if (records.size() > 1 && records.get(1).stream().allMatch(f -> f.strip().matches("-+"))) {
            records.remove(1);
        }
        return records;
    }

    private static char[] readAll(Reader in) throws IOException {
        StringBuilder all = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            all.append(buffer, 0, n);
        }
        char[] chars = new char[all.length()];
        all.getChars(0, all.length(), chars, 0);
        return chars;
    }
}
