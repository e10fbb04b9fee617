package org.keywarden.loadgen.run;

/**
 * How one request ended: with an HTTP status, or without an answer ({@code status} -1 and the
 * exception's simple class name as {@code cause}).
 */
public record Outcome(int status, String cause) {

    static Outcome answered(int status) {
        return new Outcome(status, null);
    }

    static Outcome failed(Throwable t) {
        return new Outcome(-1, t.getClass().getSimpleName());
    }

    /** Whether the server answered at all. */
    public boolean answered() {
        return status >= 0;
    }

    /** The key errors are counted under: {@code HTTP 503} or {@code ConnectException}. */
    public String errorKey() {
        return answered() ? "HTTP " + status : cause;
    }
}
