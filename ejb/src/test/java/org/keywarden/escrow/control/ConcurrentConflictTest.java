package org.keywarden.escrow.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConcurrentConflictTest {

    private static Throwable wrapped(SQLException cause) {
        return new PersistenceException("flush failed", new RuntimeException("driver", cause));
    }

    @Test
    void racesForTheSameRowAreConflicts() {
        assertTrue(ConcurrentConflict.isConflict(wrapped(new SQLException("duplicate key", "23505", 0))), "PostgreSQL");
        assertTrue(ConcurrentConflict.isConflict(wrapped(new SQLException("unique index", "23505", 23505))), "H2");
        assertTrue(ConcurrentConflict.isConflict(wrapped(new SQLException("lock timeout", "HYT00", 50200))), "H2 lock wait");
        assertTrue(ConcurrentConflict.isConflict(wrapped(new SQLException("PK violation", "23000", 2627))), "SQL Server");
        assertTrue(ConcurrentConflict.isConflict(wrapped(new SQLException("deadlock", "40P01", 0))), "PostgreSQL deadlock");
        assertTrue(ConcurrentConflict.isConflict(wrapped(new SQLException("deadlock victim", "40001", 1205))), "SQL Server");
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ConcurrentConflict.isConflict(wrapped(new SQLException("fk", "23503", 0))), "a foreign key");
        assertFalse(ConcurrentConflict.isConflict(wrapped(new SQLException("not null", "23502", 0))), "NOT NULL");
        assertFalse(ConcurrentConflict.isConflict(wrapped(new SQLException("fk", "23000", 547))), "SQL Server foreign key");
        assertFalse(ConcurrentConflict.isConflict(wrapped(new SQLException("connection", "08006", 0))), "an outage");
        assertFalse(ConcurrentConflict.isConflict(wrapped(new SQLException("statement timeout", "HYT00", 0))));
        assertFalse(ConcurrentConflict.isConflict(new PersistenceException("no SQL cause")));
    }
}
