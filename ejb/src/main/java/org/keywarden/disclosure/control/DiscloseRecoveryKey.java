package org.keywarden.disclosure.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.entity.Outcome;
import org.keywarden.crypto.control.SealedValueIntegrityException;
import org.keywarden.crypto.control.SecretCodec;
import org.keywarden.escrow.entity.RecoveryKey;
import org.keywarden.identity.control.Roles;

/**
 * Discloses a recovery key, for the REST API and the helpdesk portal alike: the caller's roles and the
 * request are checked against {@link DisclosureRules}; then the key is opened, the disclosure is audited
 * and the key marked disclosed with a rotation request, all in one transaction. The key leaves this bean only when that transaction commits, so if the audit event
 * cannot be written nothing is shown (fail closed). Unknown keys and keys that fail their integrity
 * check are audited as failed attempts.
 */
@Stateless
@RolesAllowed({Roles.HELPDESK, Roles.ADVANCED_HELPDESK, Roles.ADMIN})
public class DiscloseRecoveryKey {

    static final String ACTION = "KEY_DISCLOSED";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCodec codec;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    /**
     * The key, or empty when there is no such key (audited as a failed attempt). Throws
     * {@link org.keywarden.platform.control.InvalidInput} or {@link org.keywarden.platform.control.NotPermitted}
     * for a request that breaks a rule; then nothing is opened, changed or shown.
     */
    public Optional<DisclosedKey> disclose(DisclosureRequest request, String sourceAddress) {
        Discloser discloser = Discloser.of(context, sourceAddress);
        DisclosureRules.check(request, discloser);
        String keyId = request.recoveryKeyId();
        RecoveryKey key = keyId == null ? null : em.find(RecoveryKey.class, keyId, LockModeType.PESSIMISTIC_WRITE);
        String endUser = request.endUser() == null || request.endUser().isBlank() ? null : request.endUser();
        AuditRecord attempt = new AuditRecord(discloser.caller().via(request.source()), ACTION, Outcome.SUCCESS,
                key == null ? null : key.getDeviceId(), null, keyId, request.auditReason(), detail(request), endUser);
        if (key == null) {
            audit.recordSeparately(failed(attempt, "no such recovery key"));
            return Optional.empty();
        }
        byte[] password;
        byte[] keyPackage;
        try {
            password = codec.open(keyId, "recoveryPassword", key.getSealedRecoveryPassword());
            keyPackage = request.includeKeyPackage() && key.getSealedKeyPackage() != null
                    ? codec.open(keyId, "keyPackage", key.getSealedKeyPackage()) : null;
        } catch (SealedValueIntegrityException e) {
            audit.recordSeparately(failed(attempt, "integrity check failed: " + e.kind()));
            throw e;
        }
        audit.record(attempt);
        key.disclose(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return Optional.of(new DisclosedKey(keyId, new String(password, StandardCharsets.US_ASCII), keyPackage));
    }

    private static String detail(DisclosureRequest request) {
        return (request.endUser() == null || request.endUser().isBlank() ? "no end user named" : "end user named")
                + (request.includeKeyPackage() ? ", with key package" : "");
    }

    private static AuditRecord failed(AuditRecord attempt, String why) {
        return attempt.failed(why);
    }
}
