package org.keywarden.helpdesk.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.keywarden.audit.entity.Outcome;
import org.keywarden.checkin.entity.VolumeStatus;
import org.keywarden.device.entity.Device;
import org.keywarden.device.entity.DeviceUser;
import org.keywarden.escrow.entity.Volume;
import org.keywarden.identity.control.Roles;

/**
 * The device page: the device record, its users, each volume with its latest status and protectors, and
 * each key's history (who disclosed it comes from the audit trail). Reads no sealed value.
 */
@Stateless
@RolesAllowed({Roles.HELPDESK, Roles.ADVANCED_HELPDESK, Roles.ADMIN})
public class DescribeDevice {

    @PersistenceContext
    EntityManager em;

    public Optional<DeviceDetails> of(String deviceId) {
        Device device = deviceId == null ? null : em.find(Device.class, deviceId);
        if (device == null) {
            return Optional.empty();
        }
        List<DeviceUserView> users = em.createNamedQuery(DeviceUser.OF_DEVICE, DeviceUser.class)
                .setParameter("deviceId", deviceId).getResultStream()
                .sorted(Comparator.comparing(DeviceUser::getPrincipal))
                .map(u -> new DeviceUserView(u.getPrincipal(), String.valueOf(u.getSource()), u.getFirstSeenAt(),
                        u.getLastSeenAt()))
                .toList();
        Map<String, VolumeStatus> statuses = new HashMap<>();
        em.createNamedQuery(VolumeStatus.OF_DEVICE, VolumeStatus.class).setParameter("deviceId", deviceId)
                .getResultStream().forEach(s -> statuses.put(s.getVolumeId(), s));
        Map<String, String> disclosedBy = disclosers(deviceId);
        List<KeyRow> keys = em.createQuery("SELECT NEW org.keywarden.helpdesk.control.KeyRow(k.recoveryKeyId, "
                        + "k.volumeId, k.state, k.escrowedAt, k.disclosedAt, k.rotationRequestedAt, k.supersededBy, "
                        + "k.supersededAt, k.verifiedRemovedAt, CASE WHEN k.sealedKeyPackage IS NULL THEN FALSE "
                        + "ELSE TRUE END) FROM RecoveryKey k WHERE k.deviceId = :deviceId ORDER BY k.escrowedAt DESC",
                        KeyRow.class)
                .setParameter("deviceId", deviceId).getResultList();
        List<VolumeView> volumes = em.createNamedQuery(Volume.OF_DEVICE, Volume.class).setParameter("deviceId", deviceId)
                .getResultStream()
                .sorted(Comparator.comparing((Volume v) -> v.getDriveLetter() == null ? "~" : v.getDriveLetter()))
                .map(v -> volume(v, statuses.get(v.getId()), keys.stream().filter(k -> v.getId().equals(k.volumeId()))
                        .map(k -> k.history(disclosedBy.get(k.recoveryKeyId()))).toList()))
                .toList();
        List<DeviceListing> sameHostname = em.createQuery(FindDevices.SELECT
                        + "WHERE d.hostname IN (:asIs, :upper, :lower) AND d.id <> :id ORDER BY d.enrolledAt DESC",
                        DeviceListing.class)
                // as given, upper case (imported records) or lower case: each can use the hostname index
                .setParameter("asIs", device.getHostname())
                .setParameter("upper", device.getHostname().toUpperCase(java.util.Locale.ROOT))
                .setParameter("lower", device.getHostname().toLowerCase(java.util.Locale.ROOT)).setParameter("id", deviceId)
                .setMaxResults(FindDevices.LIMIT).getResultList();
        return Optional.of(new DeviceDetails(new DeviceListing(device.getId(), device.getHostname(), device.getDomain(),
                device.getOsVersion(), device.getEnrolledAt(), device.getLastCheckInAt()), device.getSerialNumber(),
                device.isMigratedFromMbam(), device.getImportedFrom(), users, volumes, sameHostname,
                em.createQuery("SELECT t.reportedAt FROM TpmOwnerInfo t WHERE t.deviceId = :deviceId", java.time.Instant.class)
                        .setParameter("deviceId", deviceId).getResultStream().findFirst().orElse(null)));
    }

    private static VolumeView volume(Volume v, VolumeStatus s, List<KeyHistory> keys) {
        List<String> protectors = s == null || s.getProtectors() == null || s.getProtectors().isEmpty() ? List.of()
                : List.of(s.getProtectors().split(","));
        return new VolumeView(v.getVolumeGuid(), v.getType().name(), v.getDriveLetter(),
                s == null ? null : s.getReportedAt(), s == null ? null : s.getEncryptionMethod(),
                s == null ? null : s.getConversionStatus(), s == null ? null : s.getProtectionStatus(),
                s == null ? null : s.getCompliant(), protectors, keys);
    }

    /** The latest successful disclosure of each key of the device: who. */
    private Map<String, String> disclosers(String deviceId) {
        Map<String, String> by = new HashMap<>();
        em.createQuery("SELECT e.recoveryKeyId, e.actor FROM AuditEvent e WHERE e.deviceId = :deviceId "
                        + "AND e.action = 'KEY_DISCLOSED' AND e.outcome = :success ORDER BY e.occurredAt", Object[].class)
                .setParameter("deviceId", deviceId).setParameter("success", Outcome.SUCCESS).getResultStream()
                .forEach(row -> by.put((String) row[0], String.valueOf(row[1]).replaceFirst("^user:", "")));
        return by;
    }
}
