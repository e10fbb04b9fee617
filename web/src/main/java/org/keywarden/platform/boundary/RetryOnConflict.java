package org.keywarden.platform.boundary;

import jakarta.ejb.EJBException;
import org.keywarden.escrow.control.ConcurrentConflict;
import java.util.function.Supplier;

/**
 * Runs an idempotent transactional call again when it rolled back, which is how a concurrent insert
 * of the same row (the same key or volume sent twice at once) surfaces: as a {@link ConcurrentConflict}
 * where the code flushes the insert itself, otherwise as a rolled-back commit. Asked again, the call finds
 * the row the other transaction committed. Bounded: the last failure is passed on.
 */
public final class RetryOnConflict {

    static final int ATTEMPTS = 5;

    private RetryOnConflict() {
    }

    public static <T> T call(Supplier<T> transaction) {
        RuntimeException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return transaction.get();
            } catch (ConcurrentConflict | EJBException rolledBack) {
                last = rolledBack;
            }
        }
        throw last;
    }
}
