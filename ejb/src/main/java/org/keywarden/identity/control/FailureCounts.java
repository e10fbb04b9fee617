package org.keywarden.identity.control;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import org.keywarden.identity.entity.FailureWindow;

/**
 * Counting failures per user name in a {@link FailureWindow} table, for the sign-in lockout and the
 * self-service lockout alike: names compare without case, as Windows and directories do.
 */
public final class FailureCounts {

    private FailureCounts() {
    }

    public static String keyOf(String username) {
        String key = username.toLowerCase(Locale.ROOT);
        return key.length() <= 256 ? key : key.substring(0, 256);
    }

    /** Counts one failure of {@code username} (its row locked, or created); whether it locked the name just now. */
    public static <T extends FailureWindow> boolean fail(EntityManager em, Class<T> type, Function<String, T> create,
            String username, Instant now, LockoutPolicy policy) {
        String key = keyOf(username);
        T window = em.find(type, key, LockModeType.PESSIMISTIC_WRITE);
        if (window == null) {
            window = create.apply(key);
            em.persist(window);
        }
        boolean lockedNow = window.fail(now, policy.failures(), policy.window(), policy.lockFor());
        em.flush();
        return lockedNow;
    }
}
