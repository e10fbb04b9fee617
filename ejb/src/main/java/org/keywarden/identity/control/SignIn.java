package org.keywarden.identity.control;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.audit.entity.Outcome;
import org.keywarden.identity.entity.AppUser;

/**
 * Signs a user in with name and password, for the portals' form and the API's HTTP Basic alike:
 * a name locked by repeated failures is refused without a password check, whether or not such a user
 * exists; a failure counts towards the lockout, a success clears the count; the password check runs
 * outside any transaction; a hash of older parameters is replaced by one of today's after a success.
 * Every portal sign-in, every failure and every lockout is audited; on the API, whose clients send
 * their credentials with each request, a success is audited when its password was checked afresh
 * (not when it was remembered from the last few minutes).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SignIn {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(SignIn.class.getName());
    static final String ACTION = "SIGN_IN";
    static final String LOCKED_OUT = "SIGN_IN_LOCKED_OUT";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashes hashes;

    @Inject
    SignInThrottles throttles;

    @Inject
    AuditTrail audit;

    @Inject
    UpgradePasswordHash upgrades;

    @Inject
    Directory directory;

    @Inject
    DirectoryUsers directoryUsers;

    @Inject
    org.keywarden.settings.control.LiveSettings settings;

    public SignInResult signIn(String username, char[] password, SignInChannel channel, String sourceAddress) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Caller caller = Caller.user(username, sourceAddress)
                .via(channel == SignInChannel.PORTAL ? AuditSource.HELPDESK_PORTAL : AuditSource.API);
        int failures = throttles.failures(username, now);
        if (failures < 0) {
            audit.recordSeparately(AuditRecord.failure(caller, ACTION, null, channel + ": user name locked after failed sign-ins"));
            return SignInResult.refused(SignInOutcome.LOCKED);
        }
        Optional<AppUser> user = em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class)
                .setParameter("username", username).getResultStream().findFirst();
        if (directory.isConfigured() && (user.isEmpty() || user.get().isDirectoryUser())) {
            return throughDirectory(username, password, channel, caller, now);
        }
        boolean remembered = user.isPresent() && hashes.isRemembered(password, user.get().getPasswordHash());
        boolean valid;
        try {
            valid = user.isPresent() ? hashes.verify(password, user.get().getPasswordHash()) : hashes.verifyDecoy(password);
        } catch (PasswordWorkSaturated busy) {
            return SignInResult.refused(SignInOutcome.BUSY);
        }
        if (!valid || user.get().isDisabled()) {
            return failed(username, caller, channel, now);
        }
        upgradeIfOutdated(user.get(), password, caller);
        if (channel == SignInChannel.PORTAL || !remembered) {
            throttles.signedIn(user.get().getUsername(), now);
            audit.recordSeparately(new AuditRecord(caller, ACTION, Outcome.SUCCESS, null, null, null, null,
                    String.valueOf(channel)));
        } else if (failures > 0) {
            throttles.clear(username);
        }
        return new SignInResult(SignInOutcome.SIGNED_IN, user.get().getUsername(), user.get().getRoles());
    }

    /**
     * A user of the directory: it checks the password (and refuses disabled or locked accounts); a failure
     * counts towards the lockout like any other; a directory that cannot be reached is no failure of the
     * user's (DIRECTORY_UNAVAILABLE), and built-in users are not affected by it.
     */
    private SignInResult throughDirectory(String username, char[] password, SignInChannel channel, Caller caller,
            Instant now) {
        DirectoryAnswer answer = directory.authenticate(username, password);
        if (answer.outcome() == DirectoryAnswer.Outcome.UNAVAILABLE) {
            audit.recordSeparately(AuditRecord.failure(caller, ACTION, null, channel + ": the directory cannot be reached"));
            return SignInResult.refused(SignInOutcome.DIRECTORY_UNAVAILABLE);
        }
        if (answer.outcome() == DirectoryAnswer.Outcome.BUSY) {
            return SignInResult.refused(SignInOutcome.BUSY);
        }
        if (answer.outcome() == DirectoryAnswer.Outcome.INVALID) {
            return failed(username, caller, channel, now);
        }
        Set<String> roles = directory.rolesOf(answer.user());
        Optional<AppUser> user = directoryUsers.remember(answer.user(), roles, now);
        if (user.isEmpty()) {
            return failed(username, caller, channel, now);
        }
        throttles.clear(username);
        throttles.signedIn(user.get().getUsername(), now);
        audit.recordSeparately(new AuditRecord(caller, ACTION, Outcome.SUCCESS, null, null, null, null,
                channel + ", directory user " + user.get().getUsername() + ", roles " + new java.util.TreeSet<>(roles)));
        return new SignInResult(SignInOutcome.SIGNED_IN, user.get().getUsername(), roles);
    }

    /** Best effort: a hash that cannot be replaced now (the node busy, the row locked) is replaced at a later sign-in. */
    private void upgradeIfOutdated(AppUser user, char[] password, Caller caller) {
        String checked = user.getPasswordHash();
        if (!PasswordHashes.isOutdated(checked)) {
            return;
        }
        try {
            upgrades.upgrade(user.getUsername(), checked, hashes.rehash(password), caller);
        } catch (PasswordWorkSaturated | EJBException e) {
            LOG.warning(() -> "The password hash of " + user.getUsername() + " stays on its old parameters for now: "
                    + e.getClass().getSimpleName());
        }
    }

    /** The roles of a signed-in portal user now, or empty when the user was disabled or removed since. */
    public Optional<Set<String>> currentRoles(String username) {
        return em.createNamedQuery(AppUser.BY_USERNAME, AppUser.class).setParameter("username", username)
                .getResultStream().findFirst().filter(u -> !u.isDisabled()).map(AppUser::getRoles);
    }

    /** Audits the end of a portal session: by the user, or by the page after the idle warning ran out. */
    public void signOut(String username, String sourceAddress, boolean idle) {
        AuditRecord signedOut = AuditRecord.success(Caller.user(username, sourceAddress).via(AuditSource.HELPDESK_PORTAL),
                "SIGN_OUT", null);
        audit.recordSeparately(idle ? signedOut.withDetail("idle timeout") : signedOut);
    }

    private SignInResult failed(String username, Caller caller, SignInChannel channel, Instant now) {
        LockoutPolicy policy = settings.current().signInLockout().policy();
        boolean lockedNow;
        try {
            lockedNow = throttles.recordFailure(username, now, policy);
        } catch (EJBException raced) {
            // two first failures of one name at once: one inserted the row, the other now finds it
            lockedNow = throttles.recordFailure(username, now, policy);
        }
        audit.recordSeparately(AuditRecord.failure(caller, ACTION, null, channel + ": unknown user, wrong password or disabled"));
        if (lockedNow) {
            audit.recordSeparately(AuditRecord.failure(caller, LOCKED_OUT, null, channel + ": locked for "
                    + policy.lockFor().toMinutes() + " minutes after " + policy.failures()
                    + " failed sign-ins"));
        }
        return SignInResult.refused(lockedNow ? SignInOutcome.LOCKED : SignInOutcome.INVALID);
    }
}
