package org.keywarden.rotation.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.OptionalInt;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.audit.entity.Outcome;
import org.keywarden.device.entity.Device;
import org.keywarden.escrow.entity.KeyState;
import org.keywarden.escrow.entity.RecoveryKey;
import org.keywarden.identity.control.Roles;
import org.keywarden.platform.control.InvalidInput;

/**
 * "Rotate now": every active key of a device, or one of them, gets a rotation request, which the device
 * learns at its next check-in (ROTATE_RECOVERY_KEY), for advanced helpdesk and administrators; every key
 * older than N days, for administrators only. A key already waiting for rotation keeps its first request.
 * Audited with the reason.
 */
@Stateless
@RolesAllowed({Roles.ADVANCED_HELPDESK, Roles.ADMIN})
public class RequestRotation {

    static final String ACTION = "ROTATION_REQUESTED";
    static final int MAX_REASON = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    /** How many keys are now to be rotated; empty when there is no such device, or the key is not one of its own. */
    public OptionalInt forDevice(String deviceId, String recoveryKeyId, String reason, AuditSource source,
            String sourceAddress) {
        checkReason(reason);
        if (deviceId == null || em.find(Device.class, deviceId) == null) {
            return OptionalInt.empty();
        }
        var query = em.createQuery("SELECT k FROM RecoveryKey k WHERE k.deviceId = :deviceId AND k.state IN :states"
                        + (recoveryKeyId == null ? "" : " AND k.recoveryKeyId = :keyId"), RecoveryKey.class)
                .setParameter("deviceId", deviceId).setParameter("states", List.of(KeyState.ACTIVE, KeyState.DISCLOSED))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE);
        if (recoveryKeyId != null) {
            query.setParameter("keyId", recoveryKeyId);
        }
        List<RecoveryKey> keys = query.getResultList();
        if (recoveryKeyId != null && keys.isEmpty()) {
            return OptionalInt.empty();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        keys.forEach(k -> k.requestRotation(now));
        audit.record(new AuditRecord(caller(source, sourceAddress), ACTION, Outcome.SUCCESS, deviceId, null,
                recoveryKeyId, reason, keys.size() + " key(s)"));
        return OptionalInt.of(keys.size());
    }

    /** Every active key escrowed more than {@code days} days ago (administrators); how many. */
    @RolesAllowed(Roles.ADMIN)
    public int olderThan(int days, String reason, AuditSource source, String sourceAddress) {
        checkReason(reason);
        if (days < 1 || days > 36_500) {
            throw InvalidInput.of("olderThanDays", "must be 1 to 36500");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        int keys = em.createQuery("UPDATE RecoveryKey k SET k.rotationRequestedAt = :now WHERE k.state = :active "
                        + "AND k.rotationRequestedAt IS NULL AND k.escrowedAt < :cutoff")
                .setParameter("now", now).setParameter("active", KeyState.ACTIVE)
                .setParameter("cutoff", now.minus(Duration.ofDays(days))).executeUpdate();
        audit.record(new AuditRecord(caller(source, sourceAddress), ACTION, Outcome.SUCCESS, null, null, null, reason,
                "every active key older than " + days + " days: " + keys + " key(s)"));
        return keys;
    }

    private Caller caller(AuditSource source, String sourceAddress) {
        return Caller.user(context.getCallerPrincipal().getName(), sourceAddress).via(source);
    }

    private static void checkReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON
                || reason.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw InvalidInput.of("reason", "is required: 1 to " + MAX_REASON + " characters of text");
        }
    }
}
