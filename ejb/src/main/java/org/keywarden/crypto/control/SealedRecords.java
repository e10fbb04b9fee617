package org.keywarden.crypto.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.keywarden.escrow.entity.RecoveryKey;
import org.keywarden.escrow.entity.TpmOwnerInfo;

/** Which records hold secrets sealed to which certificate, by the {@code sealed_with} column. */
@Stateless
public class SealedRecords {

    @PersistenceContext
    EntityManager em;

    public long total() {
        return em.createNamedQuery(RecoveryKey.COUNT, Long.class).getSingleResult()
                + em.createNamedQuery(TpmOwnerInfo.COUNT, Long.class).getSingleResult();
    }

    public long notSealedWith(String fingerprint) {
        return em.createNamedQuery(RecoveryKey.COUNT_NOT_SEALED_WITH, Long.class)
                .setParameter("fingerprint", fingerprint).getSingleResult()
                + em.createNamedQuery(TpmOwnerInfo.COUNT_NOT_SEALED_WITH, Long.class)
                .setParameter("fingerprint", fingerprint).getSingleResult();
    }

    public long sealedWith(String fingerprint) {
        return em.createNamedQuery(RecoveryKey.COUNT_SEALED_WITH, Long.class)
                .setParameter("fingerprint", fingerprint).getSingleResult()
                + em.createNamedQuery(TpmOwnerInfo.COUNT_SEALED_WITH, Long.class)
                .setParameter("fingerprint", fingerprint).getSingleResult();
    }

    public List<String> keysNotSealedWith(String fingerprint, int max) {
        return em.createNamedQuery(RecoveryKey.NOT_SEALED_WITH, String.class)
                .setParameter("fingerprint", fingerprint).setMaxResults(max).getResultList();
    }

    public List<String> tpmOwnersNotSealedWith(String fingerprint, int max) {
        return em.createNamedQuery(TpmOwnerInfo.NOT_SEALED_WITH, String.class)
                .setParameter("fingerprint", fingerprint).setMaxResults(max).getResultList();
    }
}
