package org.keywarden.checkin.control;

import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import org.keywarden.checkin.entity.VolumeStatus;
import org.keywarden.escrow.entity.KeySummary;
import org.keywarden.escrow.entity.RecoveryKey;
import org.keywarden.escrow.entity.Volume;

/**
 * What a device's pending actions are computed from, loaded once: its volumes by GUID, their statuses
 * by volume id, and its keys as summaries (no sealed values, no managed entities) by key ID. The maps
 * are the caller's to update as it changes the rows.
 */
record DeviceRecords(Map<String, Volume> volumes, Map<String, VolumeStatus> statuses, Map<String, KeySummary> keys) {

    static DeviceRecords load(EntityManager em, String deviceId) {
        Map<String, Volume> volumes = new HashMap<>();
        for (Volume volume : em.createNamedQuery(Volume.OF_DEVICE, Volume.class)
                .setParameter("deviceId", deviceId).getResultList()) {
            volumes.put(volume.getVolumeGuid(), volume);
        }
        Map<String, VolumeStatus> statuses = new HashMap<>();
        for (VolumeStatus status : em.createNamedQuery(VolumeStatus.OF_DEVICE, VolumeStatus.class)
                .setParameter("deviceId", deviceId).getResultList()) {
            statuses.put(status.getVolumeId(), status);
        }
        Map<String, KeySummary> keys = new HashMap<>();
        for (KeySummary key : em.createNamedQuery(RecoveryKey.SUMMARIES_OF_DEVICE, KeySummary.class)
                .setParameter("deviceId", deviceId).getResultList()) {
            keys.put(key.recoveryKeyId(), key);
        }
        return new DeviceRecords(volumes, statuses, keys);
    }
}
