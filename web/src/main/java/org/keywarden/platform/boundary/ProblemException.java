package org.keywarden.platform.boundary;

import java.util.List;

/** An RFC 9457 problem to answer with; {@code detail} must never hold a secret. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final List<FieldError> errors;

    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        super(title + ": " + detail, null, false, false);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ProblemException invalid(List<FieldError> errors) {
        String fields = errors.stream().map(FieldError::field).distinct().reduce((a, b) -> a + ", " + b).orElse("");
        return new ProblemException(400, "Invalid request", "Invalid field(s): " + fields, errors);
    }

    public int status() { return status; }
    public String title() { return title; }
    public String detail() { return detail; }
    public List<FieldError> errors() { return errors; }
}
