package org.keywarden.disclosure.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import org.keywarden.identity.control.Roles;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * Finds keys by the start of their recovery key ID (8 to 32 hex digits, as the recovery screen shows
 * them) or by the hostname of their device. At most {@value #LIMIT} keys are listed.
 */
@Stateless
@RolesAllowed({Roles.HELPDESK, Roles.ADVANCED_HELPDESK, Roles.ADMIN})
public class FindRecoveryKeys {

    static final int LIMIT = 100;
    private static final String SELECT = "SELECT NEW org.keywarden.disclosure.control.KeyListing(k.recoveryKeyId, "
            + "k.deviceId, d.hostname, v.volumeGuid, v.type, v.driveLetter, k.state, k.escrowedAt, k.disclosedAt) "
            + "FROM RecoveryKey k, Volume v, Device d WHERE v.id = k.volumeId AND d.id = k.deviceId AND ";

    @PersistenceContext
    EntityManager em;

    /** {@code hexDigits}: 8 to 32 hex digits, upper case, without hyphens. */
    public List<KeyListing> byKeyIdPrefix(String hexDigits) {
        String prefix = KeyIds.hyphenated(hexDigits);
        return em.createQuery(SELECT + "k.keyIdPrefix = :first8 AND k.recoveryKeyId LIKE :prefix "
                        + "ORDER BY k.escrowedAt DESC", KeyListing.class)
                .setParameter("first8", hexDigits.substring(0, 8))
                .setParameter("prefix", prefix + "%")
                .setMaxResults(LIMIT).getResultList();
    }

    public List<KeyListing> byHostname(String hostname) {
        return em.createQuery(SELECT + "d.hostname = :hostname ORDER BY k.escrowedAt DESC", KeyListing.class)
                .setParameter("hostname", hostname)
                .setMaxResults(LIMIT).getResultList();
    }

    /** Whether the key (an ID as stored) has an escrowed key package; never opens it. */
    public boolean hasKeyPackage(String recoveryKeyId) {
        return !em.createQuery("SELECT k.recoveryKeyId FROM RecoveryKey k WHERE k.recoveryKeyId = :id "
                        + "AND k.sealedKeyPackage IS NOT NULL", String.class)
                .setParameter("id", recoveryKeyId).getResultList().isEmpty();
    }
}
