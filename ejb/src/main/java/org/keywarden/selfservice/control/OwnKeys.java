package org.keywarden.selfservice.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import org.keywarden.disclosure.control.KeyIds;
import org.keywarden.disclosure.control.KeyListing;

/**
 * The keys whose ID starts with the digits a user typed, among the volumes of the devices the user is
 * associated with (principal compared without case), and whether any key at all starts so. Both
 * queries run for every failed lookup, so an unknown ID and another user's take the same work.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class OwnKeys {

    /** Hex digits that no key ID starts with: what a malformed ID is looked up as, to take the same work. */
    static final String NO_KEY = "ZZZZZZZZ";

    private static final String MATCHING = "k.keyIdPrefix = :first8 AND k.recoveryKeyId LIKE :prefix";

    @PersistenceContext
    EntityManager em;

    /** At most two: one is the answer, two mean the user must type all 32 digits. */
    List<KeyListing> ofUser(String hex, Set<String> principals) {
        return em.createQuery("SELECT NEW org.keywarden.disclosure.control.KeyListing(k.recoveryKeyId, k.deviceId, "
                        + "d.hostname, v.volumeGuid, v.type, v.driveLetter, k.state, k.escrowedAt, k.disclosedAt) "
                        + "FROM RecoveryKey k, Volume v, Device d WHERE v.id = k.volumeId AND d.id = k.deviceId AND "
                        + MATCHING + " AND EXISTS (SELECT u.id FROM DeviceUser u WHERE u.deviceId = k.deviceId "
                        + "AND LOWER(u.principal) IN :principals) ORDER BY k.escrowedAt DESC", KeyListing.class)
                .setParameter("first8", hex.substring(0, 8)).setParameter("prefix", KeyIds.hyphenated(hex) + "%")
                .setParameter("principals", principals).setMaxResults(2).getResultList();
    }

    /** The one key with this full ID or prefix, if exactly one matches: for the audit trail only. */
    List<String> anyMatching(String hex) {
        return em.createQuery("SELECT k.recoveryKeyId FROM RecoveryKey k WHERE " + MATCHING, String.class)
                .setParameter("first8", hex.substring(0, 8)).setParameter("prefix", KeyIds.hyphenated(hex) + "%")
                .setMaxResults(2).getResultList();
    }
}
