package org.keywarden.identity.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.identity.entity.AppUser;

/**
 * Replaces a built-in user's password hash of older parameters by one of today's, after a sign-in
 * proved the password; only when the stored hash is still the one that was checked (a password reset
 * in between wins). Audited, with the old and new iteration counts.
 */
@Stateless
public class UpgradePasswordHash {

    static final String ACTION = "PASSWORD_HASH_UPGRADED";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    public void upgrade(String username, String checkedHash, String newHash, Caller caller) {
        AppUser user = em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class).setParameter("username", username)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream().findFirst().orElse(null);
        if (user == null || !checkedHash.equals(user.getPasswordHash())) {
            return;
        }
        user.changePasswordHash(newHash);
        audit.record(AuditRecord.success(caller, ACTION, null).withDetail("user " + username + ": PBKDF2 iterations "
                + PasswordHashes.iterationsOf(checkedHash) + " to " + PasswordHashes.iterationsOf(newHash)));
    }
}
