package org.keywarden.cli.api;

import java.util.List;

/**
 * The server answered with a status the call does not accept, normally with an
 * {@code application/problem+json} body (RFC 9457). {@link #getMessage()} is
 * {@code HTTP <status> <title>[: <detail>]}; the field errors are in {@link #errors()}.
 */
public class ProblemException extends AdminApiException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;
    private final String body;

    public ProblemException(int status, String title, String detail, List<FieldError> errors, String body) {
        super(headline(status, title, detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.body = body;
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The problem's {@code title}, else the HTTP reason phrase (may be {@code null} for odd codes). */
    public String title() {
        return title;
    }

    /** The problem's {@code detail}, or {@code null}. */
    public String detail() {
        return detail;
    }

    /** The problem's {@code errors}, possibly empty. */
    public List<FieldError> errors() {
        return errors;
    }

    /** The raw response body (may be empty, and need not be JSON). */
    public String body() {
        return body;
    }

    static String headline(int status, String title, String detail) {
        StringBuilder sb = new StringBuilder("HTTP ").append(status);
        if (title != null && !title.isBlank()) {
            sb.append(' ').append(title);
        }
        if (detail != null && !detail.isBlank() && !detail.equals(title)) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }
}
