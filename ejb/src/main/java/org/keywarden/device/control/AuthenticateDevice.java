package org.keywarden.device.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.keywarden.crypto.control.DeviceTokens;
import org.keywarden.device.entity.Device;

/**
 * Finds the device a bearer token belongs to, by the token's hash. On every device request, so it is a
 * plain read: one indexed query for the id alone, outside any transaction (a CDI bean, not an EJB).
 */
@ApplicationScoped
public class AuthenticateDevice {

    @PersistenceContext
    EntityManager em;

    public Optional<String> deviceOf(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return em.createNamedQuery(Device.ID_BY_TOKEN_HASH, String.class)
                .setParameter("hash", DeviceTokens.hash(token))
                .getResultList().stream().findFirst();
    }
}
