package org.keywarden.device.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.crypto.control.DeviceTokens;
import org.keywarden.device.entity.Device;

/**
 * Enrolls a device: checks the organisation's secret, creates a new device record (re-enrolling a
 * known hostname makes a new record, never takes over an old one) and issues its token. A source
 * address that sent too many wrong secrets gets 429 for its further wrong ones for a while.
 */
@Stateless
public class EnrollDevice {

    @PersistenceContext
    EntityManager em;

    @Inject
    EnrollmentSecret enrollmentSecret;

    @Inject
    AssociateUsers associateUsers;

    @Inject
    AuditTrail audit;

    @Inject
    DeviceFailures failures;

    /**
     * The enrollment, or empty when the secret is wrong (counted per source address, audited as
     * {@link DeviceFailures} says).
     *
     * @throws org.keywarden.platform.control.TooManyRequests when the source made too many wrong attempts
     *         (the right secret is always served)
     */
    public Optional<Enrollment> enroll(EnrollCommand command, Caller caller) {
        if (!enrollmentSecret.matches(command.enrollmentSecret())) {
            failures.failed(DeviceFailures.Kind.ENROLLMENT, caller, "wrong enrollment secret for hostname "
                    + command.hostname());
            return Optional.empty();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String deviceId = UUID.randomUUID().toString();
        String token = DeviceTokens.generate();
        Device device = new Device(deviceId, command.hostname(), command.domain(), DeviceTokens.hash(token), now);
        device.setSerialNumber(command.serialNumber());
        device.setOsVersion(command.osVersion());
        device.setMigratedFromMbam(command.migratedFromMbam());
        em.persist(device);
        em.flush(); // users refer to the device by id only, so the device row must come first
        associateUsers.associate(deviceId, command.users(), now);
        audit.record(AuditRecord.success(Caller.device(deviceId, caller.sourceAddress()), "DEVICE_ENROLL", deviceId)
                .withDetail("hostname " + command.hostname() + ", domain " + command.domain()));
        return Optional.of(new Enrollment(deviceId, token));
    }
}
