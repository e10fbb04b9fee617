package org.keywarden.escrow.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.crypto.control.SecretCodec;
import org.keywarden.escrow.entity.RecoveryKey;
import org.keywarden.escrow.entity.Volume;

/**
 * Stores a recovery key a device escrows. Idempotent: the same key again is acknowledged without a
 * change. A key ID already stored with another password, or for another device, is a conflict
 * that changes nothing and is audited. With {@code replaces}, the replaced key of the same device
 * becomes superseded and its pending rotation is cleared. A {@code replaces} naming another device
 * record's key (a re-enrolled PC rotating a key its earlier record escrowed) stores the new key and
 * leaves the other record untouched: one record never takes over, or changes, another's keys, imported
 * ones included (a hostname and a key ID prove nothing: anyone with the enrollment secret could send them).
 */
@Stateless
public class EscrowRecoveryKey {

    static final String ACTION = "KEY_ESCROW";

    @PersistenceContext
    EntityManager em;

    @Inject
    RegisterVolume registerVolume;

    @Inject
    SecretCodec codec;

    @Inject
    StoreRecoveryKey storeKey;

    @Inject
    AuditTrail audit;

    public EscrowResult escrow(String deviceId, EscrowCommand command, Caller caller) {
        AuditRecord attempt = AuditRecord.success(caller, ACTION, deviceId)
                .withKey(command.volumeGuid(), command.recoveryKeyId());
        RecoveryKey existing = em.find(RecoveryKey.class, command.recoveryKeyId());
        if (existing != null) {
            return again(deviceId, command, existing, attempt);
        }
        RecoveryKey replaced = null;
        String foreignReplaced = null;
        if (command.replaces() != null) {
            // locked now, before the audit head, in the order a disclosure locks them: key, then head
            replaced = em.find(RecoveryKey.class, command.replaces(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (replaced != null && !replaced.getDeviceId().equals(deviceId)) {
                foreignReplaced = replaced.getDeviceId();
                replaced = null;
            }
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Volume volume = registerVolume.register(deviceId, command.volumeGuid(), command.volumeType(),
                command.driveLetter());
        String keyId = command.recoveryKeyId();
        RecoveryKey key = storeKey.store(keyId, deviceId, volume.getId(), command.recoveryPassword(),
                command.keyPackage(), now);
        String detail = null;
        if (replaced != null) {
            replaced.supersede(keyId, now);
            detail = "supersedes " + replaced.getRecoveryKeyId();
        } else if (foreignReplaced != null) {
            detail = "replaces " + command.replaces() + " of the earlier device record " + foreignReplaced
                    + ", which stays unchanged";
        } else if (command.replaces() != null) {
            detail = "replaces " + command.replaces() + ", which was never escrowed";
        }
        audit.record(attempt.withDetail(detail));
        return new EscrowResult(EscrowResult.Outcome.STORED, keyId, key.getState(), key.getEscrowedAt(), null);
    }

    private EscrowResult again(String deviceId, EscrowCommand command, RecoveryKey existing, AuditRecord attempt) {
        if (!existing.getDeviceId().equals(deviceId)) {
            return refuse(attempt, "recovery key ID belongs to another device");
        }
        String stored = storeKey.storedPassword(existing);
        if (!stored.equals(command.recoveryPassword().value())) {
            return refuse(attempt, "recovery key ID already stored with a different password");
        }
        // a retry may carry what the first attempt did not: store it, so that a 200 never drops anything
        if (command.keyPackage() != null) {
            if (existing.getSealedKeyPackage() == null) {
                SecretCodec.Sealer sealer = codec.sealer();
                existing.reseal(sealer.seal(existing.getRecoveryKeyId(), "recoveryPassword",
                                stored.getBytes(StandardCharsets.US_ASCII)),
                        sealer.seal(existing.getRecoveryKeyId(), "keyPackage", command.keyPackage()),
                        sealer.sealedWith());
            } else if (!java.util.Arrays.equals(command.keyPackage(), codec.open(existing.getRecoveryKeyId(),
                    "keyPackage", existing.getSealedKeyPackage(), existing.getSealedWith()))) {
                return refuse(attempt, "recovery key ID already stored with a different key package");
            }
        }
        if (command.replaces() != null) {
            RecoveryKey replaced = em.find(RecoveryKey.class, command.replaces(),
                    jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (replaced != null && replaced.getDeviceId().equals(deviceId) && replaced.getSupersededBy() == null) {
                replaced.supersede(existing.getRecoveryKeyId(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
            }
        }
        return new EscrowResult(EscrowResult.Outcome.ALREADY_STORED, existing.getRecoveryKeyId(), existing.getState(),
                existing.getEscrowedAt(), null);
    }

    private EscrowResult refuse(AuditRecord attempt, String why) {
        audit.record(AuditRecord.failure(attempt.caller(), ACTION, attempt.deviceId(), why)
                .withKey(attempt.volumeGuid(), attempt.recoveryKeyId()));
        return EscrowResult.conflict(attempt.recoveryKeyId(), why);
    }
}
