package org.keywarden.cli;

/** The process exit codes of {@code keywarden-admin}. */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** The server answered with an error status (problem+json), including a wrong user name or password. */
    public static final int SERVER_REJECTED = 1;
    /** Bad command line (picocli's usage error code). */
    public static final int USAGE = 2;
    /** {@code rewrap ... --watch}: the job stopped other than DONE, or some records failed. */
    public static final int REWRAP_NOT_COMPLETE = 2;
    /** The server could not be reached, or its answer could not be understood. */
    public static final int SERVER_UNREACHABLE = 3;
    /** A local problem: no password, unreadable password or trust store file, confirmation declined. */
    public static final int LOCAL_ERROR = 4;

    private ExitCodes() {
    }
}
