package org.keywarden.agent.api;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The server answered a device API call with a status the call does not accept (a non-2xx
 * status, normally with an {@code application/problem+json} body as in RFC 9457).
 * {@link #getMessage()} is one line: {@code HTTP 409 Conflict: detail (field: message)}.
 */
public class ProblemException extends DeviceApiException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final String detail;
    private final String type;
    private final List<FieldError> errors;
    private final String body;

    public ProblemException(int status, String type, String title, String detail, List<FieldError> errors,
                            String body) {
        super(oneLine(status, title, detail, errors));
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.body = body;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The problem's {@code title} (or the HTTP reason phrase if the body had none). */
    public String title() {
        return title;
    }

    /** The problem's {@code detail}, or {@code null}. */
    public String detail() {
        return detail;
    }

    /** The problem's {@code type} URI, or {@code null}. */
    public String type() {
        return type;
    }

    /** The problem's {@code errors} (validation problems), possibly empty. */
    public List<FieldError> errors() {
        return errors;
    }

    /** The raw response body as received (may be empty; not necessarily JSON). */
    public String body() {
        return body;
    }

    private static String oneLine(int status, String title, String detail, List<FieldError> errors) {
        StringBuilder sb = new StringBuilder("HTTP ").append(status);
        if (title != null && !title.isBlank()) {
            sb.append(' ').append(title);
        }
        if (detail != null && !detail.isBlank() && !detail.equals(title)) {
            sb.append(": ").append(detail);
        }
        if (errors != null && !errors.isEmpty()) {
            sb.append(" (").append(errors.stream()
                    .map(e -> e.field() + ": " + e.message())
                    .collect(Collectors.joining("; "))).append(')');
        }
        return Redaction.scrub(sb.toString());
    }
}
