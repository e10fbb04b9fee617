package org.keywarden.escrow.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.keywarden.crypto.control.SecretCodec;
import org.keywarden.escrow.entity.RecoveryKey;

/**
 * Seals and stores a new recovery key, and compares a stored one with a password: the one way a key
 * is written, whether a device escrows it or an administrator imports it.
 */
@Stateless
public class StoreRecoveryKey {

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCodec codec;

    /** Seals the password and key package to the key's ID and stores the key (flushed, so a duplicate fails here). */
    public RecoveryKey store(String keyId, String deviceId, String volumeId, RecoveryPassword password,
                             byte[] keyPackage, Instant escrowedAt) {
        SealedKey sealed = SealedKey.seal(codec.sealer(), keyId, password, keyPackage);
        RecoveryKey key = new RecoveryKey(keyId, deviceId, volumeId, sealed.password(), sealed.keyPackage(),
                sealed.sealedWith(), escrowedAt);
        em.persist(key);
        // the key row before the audit head's lock: a concurrent write of the same key loses here, quietly
        ConcurrentConflict.flush(em, "recovery key " + keyId);
        return key;
    }

    /** The stored recovery password of a key. <strong>Secret.</strong> */
    public String storedPassword(RecoveryKey key) {
        return new String(codec.open(key.getRecoveryKeyId(), "recoveryPassword", key.getSealedRecoveryPassword(),
                key.getSealedWith()), StandardCharsets.US_ASCII);
    }
}
