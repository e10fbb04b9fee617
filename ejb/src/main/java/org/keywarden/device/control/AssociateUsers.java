package org.keywarden.device.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.keywarden.device.entity.DeviceUser;
import org.keywarden.device.entity.UserSource;

/**
 * Records the users an agent reports on its device: new ones are added, known ones seen again. A
 * helper inside its caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class AssociateUsers {

    @PersistenceContext
    EntityManager em;

    public void associate(String deviceId, List<String> principals, Instant now) {
        if (principals == null || principals.isEmpty()) {
            return;
        }
        Map<String, DeviceUser> known = new HashMap<>();
        for (DeviceUser user : em.createNamedQuery(DeviceUser.OF_DEVICE, DeviceUser.class)
                .setParameter("deviceId", deviceId).getResultList()) {
            known.put(user.getPrincipal().toLowerCase(Locale.ROOT), user);
        }
        for (String principal : principals) {
            String key = principal.toLowerCase(Locale.ROOT);
            DeviceUser user = known.get(key);
            if (user == null) {
                user = new DeviceUser(UUID.randomUUID().toString(), deviceId, principal, UserSource.AGENT, now);
                em.persist(user);
                known.put(key, user);
            } else {
                user.seenAgain(now);
            }
        }
    }
}
