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

    /** Volumes with their statuses, in one round trip (a status row exists only for a volume of its device). */
    private static final String VOLUMES_WITH_STATUSES = "SELECT v, s FROM Volume v "
            + "LEFT JOIN VolumeStatus s ON s.volumeId = v.id WHERE v.deviceId = :deviceId";

    static DeviceRecords load(EntityManager em, String deviceId) {
        Map<String, Volume> volumes = new HashMap<>();
        Map<String, VolumeStatus> statuses = new HashMap<>();
        for (Object[] row : em.createQuery(VOLUMES_WITH_STATUSES, Object[].class)
                .setParameter("deviceId", deviceId).getResultList()) {
            Volume volume = (Volume) row[0];
            volumes.put(volume.getVolumeGuid(), volume);
            if (row[1] instanceof VolumeStatus status) {
                statuses.put(status.getVolumeId(), status);
            }
        }
        Map<String, KeySummary> keys = new HashMap<>();
        for (KeySummary key : em.createNamedQuery(RecoveryKey.SUMMARIES_OF_DEVICE, KeySummary.class)
                .setParameter("deviceId", deviceId).getResultList()) {
            keys.put(key.recoveryKeyId(), key);
        }
        return new DeviceRecords(volumes, statuses, keys);
    }
}
