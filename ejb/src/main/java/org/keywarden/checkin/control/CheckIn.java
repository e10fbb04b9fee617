package org.keywarden.checkin.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.keywarden.checkin.entity.VolumeStatus;
import org.keywarden.device.control.AssociateUsers;
import org.keywarden.device.entity.Device;
import org.keywarden.escrow.control.ConcurrentConflict;
import org.keywarden.escrow.control.RegisterVolume;
import org.keywarden.escrow.entity.KeyState;
import org.keywarden.escrow.entity.KeySummary;
import org.keywarden.escrow.entity.RecoveryKey;
import org.keywarden.escrow.entity.Volume;

/**
 * Records a device's check-in (last check-in, OS version, users, each volume's status when it changed:
 * a check-in that reports what the last one did writes the device row alone; a report older than one
 * already received changes no status),
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

    public List<DeviceAction> report(String deviceId, StatusReport report) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Device device = em.find(Device.class, deviceId);
        boolean firstCheckInOfMigrated = device.isMigratedFromMbam() && device.getLastCheckInAt() == null;
        boolean stale = device.checkIn(now, report.reportedAt());
        if (report.osVersion() != null && !stale) {
            device.setOsVersion(report.osVersion());
        }
        associateUsers.associate(deviceId, report.users(), now);

        // The device's volumes, statuses and keys, each loaded once; the pending actions are computed from them.
        // Keys are summaries: a key is loaded (sealed values and all) only in the rare case it changes.
        DeviceRecords records = DeviceRecords.load(em, deviceId);
        Map<String, Volume> volumes = records.volumes();
        Map<String, VolumeStatus> statuses = records.statuses();
        Map<String, KeySummary> keys = records.keys();
        List<DeviceAction> unescrowedToRotate = new ArrayList<>();
        for (VolumeReport reported : report.volumes()) {
            Volume volume = registerVolume.register(volumes.get(reported.volumeGuid()), deviceId,
                    reported.volumeGuid(), reported.volumeType(), reported.driveLetter());
            volumes.put(volume.getVolumeGuid(), volume);
            if (!stale) {
                recordStatus(deviceId, volume, statuses, reported, report.reportedAt(), now);
            }
            Set<String> listed = reported.protectors().stream().map(ProtectorReport::id).collect(Collectors.toSet());
            for (KeySummary key : List.copyOf(keys.values())) {
                if (key.volumeId().equals(volume.getId()) && key.state() == KeyState.SUPERSEDED
                        && !listed.contains(key.recoveryKeyId())) {
                    RecoveryKey removed = em.find(RecoveryKey.class, key.recoveryKeyId());
                    removed.verifyRemoved(now);
                    keys.put(key.recoveryKeyId(), KeySummary.of(removed));
                }
            }
            if (firstCheckInOfMigrated) {
                for (ProtectorReport protector : reported.protectors()) {
                    if (!protector.isRecoveryPassword()) {
                        continue;
                    }
                    if (keys.containsKey(protector.id())) {
                        RecoveryKey key = em.find(RecoveryKey.class, protector.id());
                        key.requestRotation(now);
                        keys.put(protector.id(), KeySummary.of(key));
                    } else {
                        unescrowedToRotate.add(new DeviceAction(DeviceAction.ROTATE_RECOVERY_KEY,
                                reported.volumeGuid(), protector.id()));
                    }
                }
            }
        }
        // a concurrent check-in of the same device inserting the same status or user row loses here, quietly
        ConcurrentConflict.flush(em, "check-in of device " + deviceId);
        List<DeviceAction> actions = new ArrayList<>(PendingActions.rotatingForeignKeys(em, deviceId,
                PendingActions.from(records)));
        if (!unescrowedToRotate.isEmpty()) {
            // A migrated device rotates instead of escrowing keys the server never had.
            Set<String> rotating = unescrowedToRotate.stream().map(DeviceAction::recoveryKeyId).collect(Collectors.toSet());
            actions.removeIf(a -> DeviceAction.ESCROW_RECOVERY_KEY.equals(a.type()) && rotating.contains(a.recoveryKeyId()));
            actions.addAll(unescrowedToRotate);
        }
        return List.copyOf(actions);
    }

    private void recordStatus(String deviceId, Volume volume, Map<String, VolumeStatus> statuses, VolumeReport reported,
            Instant reportedAt, Instant now) {
        VolumeStatus status = statuses.get(volume.getId());
        boolean isNew = status == null;
        if (isNew) {
            status = new VolumeStatus(volume.getId(), deviceId);
            statuses.put(volume.getId(), status);
        }
        if (!isNew && reported.saysWhat(status)) {
            return; // unchanged: the device row's check-in times are the check-in's one write
        }
        status.report(reportedAt, now, reported.encryptionMethod(), reported.conversionStatus(),
                reported.protectionStatus(), reported.compliant(), reported.storedCodes(),
                ReportedProtectors.format(reported.protectors()));
        if (isNew) {
            em.persist(status);
        }
    }
}
