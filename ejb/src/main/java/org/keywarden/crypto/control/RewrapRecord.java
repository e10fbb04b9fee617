package org.keywarden.crypto.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import org.keywarden.escrow.entity.RecoveryKey;
import org.keywarden.escrow.entity.TpmOwnerInfo;

/**
 * Moves one record's secrets to the certificate new values are sealed to, in a transaction of its
 * own: opened and sealed again in memory, the row locked and checked first, so that a crash leaves
 * every record either old or new and two nodes never move one record twice. Plain text is never written.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RewrapRecord {

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCodec codec;

    /** Whether the key was moved (false: gone, or already sealed to the target). */
    public boolean recoveryKey(String recoveryKeyId) {
        SecretCodec.Sealer sealer = codec.sealer();
        String target = sealer.sealedWith();
        RecoveryKey key = em.find(RecoveryKey.class, recoveryKeyId, LockModeType.PESSIMISTIC_WRITE);
        if (key == null || target.equals(key.getSealedWith())) {
            return false;
        }
        byte[] password = codec.open(recoveryKeyId, "recoveryPassword", key.getSealedRecoveryPassword(), key.getSealedWith());
        byte[] keyPackage = key.getSealedKeyPackage() == null ? null
                : codec.open(recoveryKeyId, "keyPackage", key.getSealedKeyPackage(), key.getSealedWith());
        try {
            key.reseal(sealer.seal(recoveryKeyId, "recoveryPassword", password),
                    keyPackage == null ? null : sealer.seal(recoveryKeyId, "keyPackage", keyPackage), target);
        } finally {
            Arrays.fill(password, (byte) 0);
            if (keyPackage != null) {
                Arrays.fill(keyPackage, (byte) 0);
            }
        }
        return true;
    }

    /** Whether the device's TPM owner hash was moved. */
    public boolean tpmOwnerInfo(String deviceId) {
        SecretCodec.Sealer sealer = codec.sealer();
        String target = sealer.sealedWith();
        TpmOwnerInfo info = em.find(TpmOwnerInfo.class, deviceId, LockModeType.PESSIMISTIC_WRITE);
        if (info == null || target.equals(info.getSealedWith())) {
            return false;
        }
        byte[] hash = codec.open(deviceId, "ownerAuthHash", info.getSealedOwnerAuthHash(), info.getSealedWith());
        try {
            info.reseal(sealer.seal(deviceId, "ownerAuthHash", hash), target);
        } finally {
            Arrays.fill(hash, (byte) 0);
        }
        return true;
    }
}
