package org.keywarden.disclosure.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
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

/**
 * The one way a recovery key leaves Keywarden, for the helpdesk, the API and self-service alike, once
 * their own rules allowed it: the key is opened, the disclosure audited and the key marked disclosed
 * with a rotation request, in the caller's transaction. The key leaves only when that transaction
 * commits, so if the audit event cannot be written nothing is shown (fail closed). Unknown keys and
 * keys that fail their integrity check are audited as failed attempts.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RecoveryKeyDisclosure {

    /** The audit action of every key disclosure. */
    public static final String ACTION = "KEY_DISCLOSED";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCodec codec;

    @Inject
    AuditTrail audit;

    /**
     * {@code attempt}: the audit record of this disclosure as a success (its device is filled in here).
     * Empty when there is no such key.
     */
    public Optional<DisclosedKey> disclose(String keyId, AuditRecord attempt, boolean withKeyPackage) {
        RecoveryKey key = keyId == null ? null : em.find(RecoveryKey.class, keyId, LockModeType.PESSIMISTIC_WRITE);
        if (key == null) {
            audit.recordSeparately(attempt.failed("no such recovery key"));
            return Optional.empty();
        }
        AuditRecord event = new AuditRecord(attempt.caller(), ACTION, Outcome.SUCCESS, key.getDeviceId(), null, keyId,
                attempt.reason(), attempt.detail(), attempt.endUser());
        byte[] password;
        byte[] keyPackage;
        try {
            password = codec.open(keyId, "recoveryPassword", key.getSealedRecoveryPassword(), key.getSealedWith());
            keyPackage = withKeyPackage && key.getSealedKeyPackage() != null
                    ? codec.open(keyId, "keyPackage", key.getSealedKeyPackage(), key.getSealedWith()) : null;
        } catch (SealedValueIntegrityException e) {
            audit.recordSeparately(event.failed("integrity check failed: " + e.kind()));
            throw e;
        }
        audit.record(event);
        key.disclose(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return Optional.of(new DisclosedKey(keyId, new String(password, StandardCharsets.US_ASCII), keyPackage));
    }
}
