package org.keywarden.device.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.keywarden.crypto.control.DeviceTokens;
import org.keywarden.device.entity.Device;

/** Finds the device a bearer token belongs to, by the token's hash. */
@Stateless
public class AuthenticateDevice {

    @PersistenceContext
    EntityManager em;

    public Optional<String> deviceOf(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return em.createNamedQuery(Device.BY_TOKEN_HASH, Device.class)
                .setParameter("hash", DeviceTokens.hash(token))
                .getResultStream()
                .map(Device::getId)
                .findFirst();
    }
}
