package org.keywarden.agent;

/** The agent's process exit codes. */
public final class ExitCodes {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** The server answered with an error status (4xx/5xx) to at least one call. */
    public static final int SERVER_REJECTED = 1;
    /** Bad command line (picocli's usage error code). */
    public static final int USAGE = 2;
    /** The server could not be reached, or its answer could not be understood. */
    public static final int SERVER_UNREACHABLE = 3;
    /** A local problem: not enrolled, unreadable state, unknown volume, missing secret. */
    public static final int LOCAL_ERROR = 4;

    private ExitCodes() {
    }
}
