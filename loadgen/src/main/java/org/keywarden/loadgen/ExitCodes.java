package org.keywarden.loadgen;

/** Process exit codes of keywarden-loadgen. */
public final class ExitCodes {
    /** The load ran (errors or not), or every ledger entry was found intact. */
    public static final int OK = 0;
    /** verify: at least one acknowledged escrow was lost or is stored with another password. */
    public static final int VERIFY_FAILED = 1;
    /** Bad command line. */
    public static final int USAGE = 2;
    /** Load: no enrollment got an answer, nothing was measured. verify: some entries could not be checked. */
    public static final int UNREACHABLE = 3;
    /** Load: enrollments were answered but none succeeded (for example a wrong enrollment secret). */
    public static final int REJECTED = 4;
    /** A local file (ledger, result) could not be read or written. */
    public static final int LOCAL_ERROR = 5;
    /** db-ceiling: the database refused a connection or a statement. */
    public static final int DATABASE_ERROR = 6;

    private ExitCodes() {
    }
}
