package org.keywarden.helpdesk.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.keywarden.identity.control.Roles;

/**
 * Every device record with a hostname, newest enrollment first (a re-enrolled PC has several). The name
 * is matched as given, then in upper case, as Windows reports computer names (both use the hostname index).
 */
@Stateless
@RolesAllowed({Roles.HELPDESK, Roles.ADVANCED_HELPDESK, Roles.ADMIN})
public class FindDevices {

    static final int LIMIT = 100;
    static final String SELECT = "SELECT NEW org.keywarden.helpdesk.control.DeviceListing(d.id, d.hostname, d.domain, "
            + "d.osVersion, d.enrolledAt, d.lastCheckInAt) FROM Device d ";

    @PersistenceContext
    EntityManager em;

    public List<DeviceListing> byHostname(String hostname) {
        List<DeviceListing> found = exactly(hostname);
        String upper = hostname.toUpperCase(java.util.Locale.ROOT);
        return found.isEmpty() && !upper.equals(hostname) ? exactly(upper) : found;
    }

    private List<DeviceListing> exactly(String hostname) {
        return em.createQuery(SELECT + "WHERE d.hostname = :hostname ORDER BY d.enrolledAt DESC", DeviceListing.class)
                .setParameter("hostname", hostname).setMaxResults(LIMIT).getResultList();
    }
}
