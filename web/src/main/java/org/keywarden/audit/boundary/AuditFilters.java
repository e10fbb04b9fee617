package org.keywarden.audit.boundary;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.keywarden.audit.control.AuditQuery;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.Violation;

/**
 * The report page's filters as the URL carries them (bookmarkable): dates as the browser's date field
 * sends them (a day, UTC) or RFC 3339 times; the other fields as typed.
 */
public record AuditFilters(String from, String to, String action, String source, String actor, String endUser, String deviceId,
                    String recoveryKeyId, String outcome) {

    static AuditFilters of(jakarta.servlet.http.HttpServletRequest request) {
        return new AuditFilters(request.getParameter("from"), request.getParameter("to"), request.getParameter("action"),
                request.getParameter("source"), request.getParameter("actor"), request.getParameter("endUser"),
                request.getParameter("deviceId"), request.getParameter("recoveryKeyId"), request.getParameter("outcome"));
    }

    AuditQuery query(int limit, String cursor) {
        return new AuditQuery(time("from", from, false), time("to", to, true), action, source, actor, endUser, deviceId,
                recoveryKeyId, outcome, limit, cursor == null || cursor.isBlank() ? null : cursor);
    }

    /** A day is its start ({@code from}) or its end ({@code to}), in UTC. */
    static Instant time(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                return endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInput(List.of(new Violation(field, "must be a date (2026-01-31) or an RFC 3339 time")));
        }
    }
}
