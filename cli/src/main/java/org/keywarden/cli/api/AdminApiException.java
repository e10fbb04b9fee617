package org.keywarden.cli.api;

/**
 * An admin API call failed: the server answered with an error status ({@link ProblemException}),
 * could not be reached ({@link ServerUnreachableException}), or answered with something unreadable
 * (this class itself). Messages never contain the password.
 */
public class AdminApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AdminApiException(String message) {
        super(message);
    }

    public AdminApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
