package org.keywarden.selfservice.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.audit.entity.Outcome;
import org.keywarden.settings.control.LiveSettings;
import org.keywarden.disclosure.control.DisclosedKey;
import org.keywarden.disclosure.control.KeyIds;
import org.keywarden.disclosure.control.KeyListing;
import org.keywarden.disclosure.control.RecoveryKeyDisclosure;
import org.keywarden.identity.control.LockoutPolicy;

/**
 * A signed-in user gets the key of a volume on one of their own devices: checked against
 * {@link SelfServiceRules}, looked up among the keys of the devices they are associated with only, and
 * disclosed through {@link RecoveryKeyDisclosure} exactly as the helpdesk's (audited, marked disclosed,
 * the device asked to rotate it; source SELF_SERVICE). An unknown, malformed or someone else's key ID
 * gets the one answer {@code NOT_FOUND} after the same queries, counts towards the user's lockout and
 * is audited with its real cause. Open to every signed-in user; {@link OwnPrincipals} refuses anyone
 * who is not an enabled user.
 */
@Stateless
@PermitAll
public class RecoverOwnKey {

    static final String LOCKED_OUT = "SELF_SERVICE_LOCKED_OUT";

    @Inject
    OwnPrincipals principals;

    @Inject
    OwnKeys keys;

    @Inject
    SelfServiceThrottles throttles;

    @Inject
    RecoveryKeyDisclosure disclosure;

    @Inject
    AuditTrail audit;

    @Inject
    LiveSettings settings;

    @Resource
    SessionContext context;

    public OwnKeyAnswer recover(OwnKeyRequest request, String sourceAddress) {
        String username = context.getCallerPrincipal().getName();
        Set<String> names = principals.of(username);
        SelfServiceRules.check(request);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        AuditRecord attempt = new AuditRecord(Caller.user(username, sourceAddress).via(AuditSource.SELF_SERVICE),
                RecoveryKeyDisclosure.ACTION, Outcome.SUCCESS, null, null, null, request.auditReason(),
                "self-service", username);
        Optional<Instant> locked = throttles.lockedUntil(username, now);
        if (locked.isPresent()) {
            audit.recordSeparately(attempt.failed("self-service locked after failed lookups"));
            return OwnKeyAnswer.lockedOut(locked.get());
        }
        Optional<String> hex = KeyIds.hexDigits(request.keyId());
        List<KeyListing> own = keys.ofUser(hex.orElse(OwnKeys.NO_KEY), names);
        if (own.size() == 1) {
            KeyListing key = own.get(0);
            Optional<DisclosedKey> shown = disclosure.disclose(key.recoveryKeyId(), attempt, false);
            if (shown.isPresent()) {
                return OwnKeyAnswer.shown(shown.get(), key);
            }
        } else if (own.size() > 1) {
            audit.recordSeparately(attempt.failed("key ID " + hex.get() + " matches several of the user's keys: "
                    + "the full ID was asked for"));
            return OwnKeyAnswer.of(OwnKeyAnswer.Outcome.FULL_ID_NEEDED);
        }
        return failed(attempt, hex, username, now);
    }

    /** The same answer for every cause; the audit trail keeps the real one. */
    private OwnKeyAnswer failed(AuditRecord attempt, Optional<String> hex, String username, Instant now) {
        List<String> existing = keys.anyMatching(hex.orElse(OwnKeys.NO_KEY));
        AuditRecord failure = hex.isEmpty() ? attempt.failed("malformed key ID")
                : existing.isEmpty() ? attempt.failed("no such recovery key: " + hex.get())
                : attempt.withKey(null, existing.size() == 1 ? existing.get(0) : null)
                        .failed("key ID " + hex.get() + " is not of a device the user is associated with");
        LockoutPolicy policy = settings.current().selfServiceLockout().policy();
        Optional<Instant> lockedNow;
        try {
            lockedNow = throttles.recordFailure(username, now, policy);
        } catch (jakarta.ejb.EJBException raced) {
            // two first failures of one user at once: one inserted the row, the other now finds it
            lockedNow = throttles.recordFailure(username, now, policy);
        }
        audit.recordSeparately(failure);
        if (lockedNow.isPresent()) {
            audit.recordSeparately(AuditRecord.failure(attempt.caller(), LOCKED_OUT, null, "self-service locked for "
                    + policy.lockFor().toMinutes() + " minutes after " + policy.failures() + " failed lookups")
                    .withEndUser(username));
            return OwnKeyAnswer.lockedOut(lockedNow.get());
        }
        return OwnKeyAnswer.of(OwnKeyAnswer.Outcome.NOT_FOUND);
    }
}
