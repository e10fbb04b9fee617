package org.keywarden.identity.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Locale;
import org.keywarden.identity.entity.AppUser;
import org.keywarden.identity.entity.SignInThrottle;

/**
 * Failed sign-ins per user name, in the database so that every node sees the same count. Each change
 * commits on its own, whatever becomes of the sign-in that caused it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SignInThrottles {

    @PersistenceContext
    EntityManager em;

    /** User names compare without case, as Windows and directories do. */
    static String keyOf(String username) {
        String key = username.toLowerCase(Locale.ROOT);
        return key.length() <= 256 ? key : key.substring(0, 256);
    }

    /** Failures counted for the name now: -1 when it is locked. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int failures(String username, Instant now) {
        SignInThrottle throttle = em.find(SignInThrottle.class, keyOf(username));
        return throttle == null ? 0 : throttle.isLockedAt(now) ? -1 : throttle.getFailures();
    }

    /** A successful sign-in: earlier failures no longer count. */
    public void clear(String username) {
        SignInThrottle throttle = em.find(SignInThrottle.class, keyOf(username), LockModeType.PESSIMISTIC_WRITE);
        if (throttle != null && !throttle.isLockedAt(Instant.now())) {
            em.remove(throttle);
        }
    }

    /** Counts a failure; whether it locked the name just now. */
    public boolean recordFailure(String username, Instant now, SignInPolicy policy) {
        String key = keyOf(username);
        SignInThrottle throttle = em.find(SignInThrottle.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (throttle == null) {
            throttle = new SignInThrottle(key, now);
            em.persist(throttle);
        }
        boolean locked = throttle.fail(now, policy.failures(), policy.window(), policy.lockFor());
        em.flush();
        return locked;
    }

    /** A successful sign-in: earlier failures no longer count, and the user's last sign-in moves. */
    public void signedIn(String username, Instant now) {
        SignInThrottle throttle = em.find(SignInThrottle.class, keyOf(username));
        if (throttle != null) {
            em.remove(throttle);
        }
        em.createNamedQuery(AppUser.SIGNED_IN).setParameter("username", username).setParameter("at", now)
                .executeUpdate();
    }
}
