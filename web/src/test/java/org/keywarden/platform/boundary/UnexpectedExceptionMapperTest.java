package org.keywarden.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** Which failures mean "the database is away" (503, retry later) and which are a real 500. */
class UnexpectedExceptionMapperTest {

    @Test
    void aConnectionErrorAmongTheCausesIsUnavailable() {
        assertTrue(UnexpectedExceptionMapper.databaseUnavailable(
                new RuntimeException(new IllegalStateException(new SQLException("gone", "08006")))));
    }

    @Test
    void aPostgresqlShutdownHiddenUnderASuppressedCommitFailureIsUnavailable() {
        // as seen when PostgreSQL restarts during a commit: RollbackException with the SQL error suppressed
        RuntimeException rollback = new RuntimeException("Could not commit transaction");
        rollback.addSuppressed(new IllegalStateException("Could not commit local transaction",
                new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(UnexpectedExceptionMapper.databaseUnavailable(new RuntimeException(rollback)));
    }

    @Test
    void otherFailuresStayInternalErrors() {
        assertFalse(UnexpectedExceptionMapper.databaseUnavailable(new SQLException("duplicate key", "23505")));
        assertFalse(UnexpectedExceptionMapper.databaseUnavailable(new NullPointerException()));
        RuntimeException selfSuppressing = new RuntimeException();
        selfSuppressing.initCause(new RuntimeException(selfSuppressing));
        assertFalse(UnexpectedExceptionMapper.databaseUnavailable(selfSuppressing));
    }
}
