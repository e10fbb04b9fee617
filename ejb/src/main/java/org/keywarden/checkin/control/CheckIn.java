package org.keywarden.checkin.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keywarden.checkin.entity.VolumeStatus;
import org.keywarden.device.control.AssociateUsers;
import org.keywarden.device.entity.Device;
import org.keywarden.escrow.control.RegisterVolume;
import org.keywarden.escrow.entity.KeyState;
import org.keywarden.escrow.entity.RecoveryKey;
import org.keywarden.escrow.entity.Volume;

/**
 * Records a device's check-in (last check-in, OS version, users, each volume's latest status),
 * marks superseded keys whose protector is gone as verified removed, and answers the device's
 * pending actions. A device migrated from MBAM is asked to rotate every recovery key on its first
 * check-in.
 */
@Stateless
public class CheckIn {

    @PersistenceContext
    EntityManager em;

    @Inject
    RegisterVolume registerVolume;

    @Inject
    AssociateUsers associateUsers;

    @Inject
    PendingActions pendingActions;

    public List<DeviceAction> report(String deviceId, StatusReport report) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Device device = em.find(Device.class, deviceId);
        boolean firstCheckInOfMigrated = device.isMigratedFromMbam() && device.getLastCheckInAt() == null;
        device.setLastCheckInAt(now);
        if (report.osVersion() != null) {
            device.setOsVersion(report.osVersion());
        }
        associateUsers.associate(deviceId, report.users(), now);

        Map<String, RecoveryKey> keys = new HashMap<>();
        for (RecoveryKey key : em.createNamedQuery(RecoveryKey.OF_DEVICE, RecoveryKey.class)
                .setParameter("deviceId", deviceId).getResultList()) {
            keys.put(key.getRecoveryKeyId(), key);
        }
        List<DeviceAction> unescrowedToRotate = new ArrayList<>();
        for (VolumeReport reported : report.volumes()) {
            Volume volume = registerVolume.register(deviceId, reported.volumeGuid(), reported.volumeType(),
                    reported.driveLetter());
            recordStatus(deviceId, volume, reported, report.reportedAt(), now);
            Set<String> listed = reported.protectors().stream().map(ProtectorReport::id).collect(Collectors.toSet());
            for (RecoveryKey key : keys.values()) {
                if (key.getVolumeId().equals(volume.getId()) && key.getState() == KeyState.SUPERSEDED
                        && !listed.contains(key.getRecoveryKeyId())) {
                    key.verifyRemoved(now);
                }
            }
            if (firstCheckInOfMigrated) {
                for (ProtectorReport protector : reported.protectors()) {
                    if (!protector.isRecoveryPassword()) {
                        continue;
                    }
                    RecoveryKey key = keys.get(protector.id());
                    if (key != null) {
                        key.requestRotation(now);
                    } else {
                        unescrowedToRotate.add(new DeviceAction(DeviceAction.ROTATE_RECOVERY_KEY,
                                reported.volumeGuid(), protector.id()));
                    }
                }
            }
        }
        List<DeviceAction> actions = new ArrayList<>(pendingActions.of(deviceId));
        if (!unescrowedToRotate.isEmpty()) {
            // A migrated device rotates instead of escrowing keys the server never had.
            Set<String> rotating = unescrowedToRotate.stream().map(DeviceAction::recoveryKeyId).collect(Collectors.toSet());
            actions.removeIf(a -> DeviceAction.ESCROW_RECOVERY_KEY.equals(a.type()) && rotating.contains(a.recoveryKeyId()));
            actions.addAll(unescrowedToRotate);
        }
        return List.copyOf(actions);
    }

    private void recordStatus(String deviceId, Volume volume, VolumeReport reported, Instant reportedAt, Instant now) {
        VolumeStatus status = em.find(VolumeStatus.class, volume.getId());
        boolean isNew = status == null;
        if (isNew) {
            status = new VolumeStatus(volume.getId(), deviceId);
        } else if (status.getReportedAt() != null && reportedAt.isBefore(status.getReportedAt())) {
            return;
        }
        String codes = reported.nonComplianceCodes() == null ? null
                : reported.nonComplianceCodes().stream().map(String::valueOf).collect(Collectors.joining(","));
        status.report(reportedAt, now, reported.encryptionMethod(), reported.conversionStatus(),
                reported.protectionStatus(), reported.compliant(), codes,
                ReportedProtectors.format(reported.protectors()));
        if (isNew) {
            em.persist(status);
        }
    }
}
