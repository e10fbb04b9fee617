package org.keywarden.cli;

/** Something on this side stops the command (exit code {@link ExitCodes#LOCAL_ERROR}). */
final class LocalProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LocalProblem(String message) {
        super(message);
    }
}
