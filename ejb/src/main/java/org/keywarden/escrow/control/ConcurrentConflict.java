package org.keywarden.escrow.control;

import jakarta.ejb.ApplicationException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;

/**
 * This transaction lost a race for the same row to a concurrent one (a device sending the same volume
 * twice at once): the row was inserted first by the other, or waiting for the other's lock timed out
 * or deadlocked. Expected under concurrency and harmless: the transaction rolls back and the caller
 * asks again, finding the other's row. An application exception, so the container neither wraps nor
 * logs it as an error.
 */
@ApplicationException(rollback = true)
public class ConcurrentConflict extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConcurrentConflict(String what, Throwable cause) {
        super(what + ": a concurrent transaction changed the same row first", cause);
    }

    /**
     * Writes the transaction's pending changes now, so that losing a race shows here as this exception
     * rather than later as a failed commit (which the container logs as an error).
     */
    public static void flush(EntityManager em, String what) {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isConflict(e)) {
                throw new ConcurrentConflict(what, e);
            }
            throw e;
        }
    }

    /**
     * Whether {@code failure} is such a race: a unique or primary key violation (SQLState 23505 on H2
     * and PostgreSQL, SQL Server errors 2627 and 2601), a lock wait that timed out (H2 error 50200,
     * PostgreSQL 55P03, SQL Server 1222) or a deadlock or serialization failure (40001, 40P01, SQL
     * Server 1205). Other integrity violations (a foreign key, NOT NULL) are no race and are not retried.
     */
    static boolean isConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                int code = sql.getErrorCode();
                if (state.equals("23505") || state.equals("55P03") || state.equals("40001") || state.equals("40P01")
                        || state.equals("HYT00") && code == 50200
                        || code == 2627 || code == 2601 || code == 1222 || code == 1205) {
                    return true;
                }
            }
        }
        return false;
    }
}
