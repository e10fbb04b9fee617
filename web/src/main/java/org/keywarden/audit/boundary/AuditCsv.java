package org.keywarden.audit.boundary;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.keywarden.audit.control.AuditEventView;

/**
 * Audit events as CSV (RFC 4180: a header row, CRLF line ends, fields with a comma, quote or line break
 * in double quotes, quotes doubled). A field that a spreadsheet would take for a formula (=, +, -, @, tab,
 * carriage return first) gets a leading apostrophe, since devices and callers choose some of these texts.
 */
public final class AuditCsv {

    static final String HEADER = "id,at,actor,source,action,outcome,deviceId,volumeId,recoveryKeyId,endUser,reason,"
            + "detail,remoteAddress";

    private AuditCsv() {
    }

    public static void header(Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    public static void rows(Writer out, List<AuditEventView> events) throws IOException {
        for (AuditEventView e : events) {
            Object[] fields = {e.id(), e.at(), e.actor(), e.source(), e.action(), e.outcome(), e.deviceId(), e.volumeId(),
                    e.recoveryKeyId(), e.endUser(), e.reason(), e.detail(), e.remoteAddress()};
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(fields[i] == null ? "" : fields[i].toString()));
            }
            out.write("\r\n");
        }
    }

    static String field(String value) {
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
