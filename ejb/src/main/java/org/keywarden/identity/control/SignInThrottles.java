package org.keywarden.identity.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
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

    /** Failures counted for the name now: -1 when it is locked. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int failures(String username, Instant now) {
        SignInThrottle throttle = em.find(SignInThrottle.class, FailureCounts.keyOf(username));
        return throttle == null ? 0 : throttle.isLockedAt(now) ? -1 : throttle.getFailures();
    }

    /** A successful sign-in: earlier failures no longer count. */
    public void clear(String username) {
        SignInThrottle throttle = em.find(SignInThrottle.class, FailureCounts.keyOf(username), LockModeType.PESSIMISTIC_WRITE);
        if (throttle != null && !throttle.isLockedAt(Instant.now())) {
            em.remove(throttle);
        }
    }

    /** Counts a failure; whether it locked the name just now. */
    public boolean recordFailure(String username, Instant now, LockoutPolicy policy) {
        return FailureCounts.fail(em, SignInThrottle.class, key -> new SignInThrottle(key, now), username, now, policy);
    }

    /** A successful sign-in: earlier failures no longer count, and the user's last sign-in moves. */
    public void signedIn(String username, Instant now) {
        SignInThrottle throttle = em.find(SignInThrottle.class, FailureCounts.keyOf(username));
        if (throttle != null) {
            em.remove(throttle);
        }
        em.createNamedQuery(AppUser.SIGNED_IN).setParameter("username", username).setParameter("at", now)
                .executeUpdate();
    }
}
