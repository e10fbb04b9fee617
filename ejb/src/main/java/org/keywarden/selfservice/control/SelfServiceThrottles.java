package org.keywarden.selfservice.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.keywarden.identity.control.FailureCounts;
import org.keywarden.identity.control.LockoutPolicy;
import org.keywarden.selfservice.entity.SelfServiceThrottle;

/**
 * Failed self-service lookups per user, in the database so that every node sees the same count. Each
 * change commits on its own, whatever becomes of the lookup that caused it. A lookup that finds the
 * user's own key does not clear the count: probing cannot be hidden between successful lookups.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SelfServiceThrottles {

    @PersistenceContext
    EntityManager em;

    /** Until when the user's self-service is locked, if it is now. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> lockedUntil(String username, Instant now) {
        SelfServiceThrottle throttle = em.find(SelfServiceThrottle.class, FailureCounts.keyOf(username));
        return throttle != null && throttle.isLockedAt(now) ? Optional.of(throttle.getLockedUntil()) : Optional.empty();
    }

    /** Counts a failed lookup; until when it locked the user's self-service, if it did just now. */
    public Optional<Instant> recordFailure(String username, Instant now, LockoutPolicy policy) {
        boolean locked = FailureCounts.fail(em, SelfServiceThrottle.class, key -> new SelfServiceThrottle(key, now),
                username, now, policy);
        return locked ? Optional.of(now.plus(policy.lockFor())) : Optional.empty();
    }
}
