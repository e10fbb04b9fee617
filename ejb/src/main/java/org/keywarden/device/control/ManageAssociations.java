package org.keywarden.device.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.audit.entity.AuditSource;
import org.keywarden.device.entity.Device;
import org.keywarden.device.entity.DeviceUser;
import org.keywarden.device.entity.UserSource;
import org.keywarden.identity.control.Roles;
import org.keywarden.platform.control.InvalidInput;
import org.keywarden.platform.control.NotFound;

/**
 * Administrators associate a user with a device (source ADMIN), so that the user's self-service shows
 * its keys, or remove an association (of either source; an agent that still reports the user adds it
 * again at its next check-in). Audited, with the user as the event's end user.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ManageAssociations {

    static final String ASSOCIATED = "DEVICE_USER_ASSOCIATED";
    static final String REMOVED = "DEVICE_USER_REMOVED";

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Resource
    SessionContext context;

    /** Whether the user was newly associated (false: already was); InvalidInput for a bad name, NotFound for no such device. */
    public boolean associate(String deviceId, String principal, AuditSource source, String sourceAddress) {
        checkPrincipal(principal);
        checkDevice(deviceId);
        if (find(deviceId, principal).isPresent()) {
            return false;
        }
        em.persist(new DeviceUser(UUID.randomUUID().toString(), deviceId, principal, UserSource.ADMIN,
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
        audit.record(AuditRecord.success(caller(source, sourceAddress), ASSOCIATED, deviceId).withEndUser(principal));
        return true;
    }

    /** Whether there was such an association to remove. */
    public boolean remove(String deviceId, String principal, AuditSource source, String sourceAddress) {
        checkPrincipal(principal);
        checkDevice(deviceId);
        Optional<DeviceUser> association = find(deviceId, principal);
        if (association.isEmpty()) {
            return false;
        }
        em.remove(association.get());
        audit.record(new AuditRecord(caller(source, sourceAddress), REMOVED, org.keywarden.audit.entity.Outcome.SUCCESS,
                deviceId, null, null, null, "was reported by " + association.get().getSource(), principal));
        return true;
    }

    private Optional<DeviceUser> find(String deviceId, String principal) {
        String key = principal.toLowerCase(Locale.ROOT);
        return em.createNamedQuery(DeviceUser.OF_DEVICE, DeviceUser.class).setParameter("deviceId", deviceId)
                .getResultStream().filter(u -> u.getPrincipal().toLowerCase(Locale.ROOT).equals(key)).findFirst();
    }

    private void checkDevice(String deviceId) {
        if (deviceId == null || em.find(Device.class, deviceId) == null) {
            throw new NotFound("No such device");
        }
    }

    /** {@code CORP\alice} or {@code alice@corp.example}: as agents report users, at most 256 characters. */
    static void checkPrincipal(String principal) {
        boolean valid = principal != null && !principal.isBlank() && principal.length() <= 256
                && principal.strip().equals(principal) && principal.chars().noneMatch(c -> c < 0x20 || c == 0x7f)
                && (parts(principal, '\\') || (principal.indexOf('\\') < 0 && parts(principal, '@')));
        if (!valid) {
            throw InvalidInput.of("principal", "must be DOMAIN\\name or name@domain, at most 256 characters");
        }
    }

    private static boolean parts(String principal, char separator) {
        int at = principal.indexOf(separator);
        return at > 0 && at < principal.length() - 1 && principal.indexOf(separator, at + 1) < 0;
    }

    private Caller caller(AuditSource source, String sourceAddress) {
        return Caller.user(context.getCallerPrincipal().getName(), sourceAddress).via(source);
    }
}
