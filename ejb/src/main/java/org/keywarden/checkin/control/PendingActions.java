package org.keywarden.checkin.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.keywarden.checkin.entity.VolumeStatus;
import org.keywarden.escrow.entity.KeyState;
import org.keywarden.escrow.entity.KeySummary;
import org.keywarden.escrow.entity.Volume;

/**
 * What a device must do, from what is stored: rotate each key whose rotation was requested and
 * not yet done, and escrow each recovery-password protector its latest status lists that has no
 * escrowed key (an escrow gap).
 */
@Stateless
public class PendingActions {

    @PersistenceContext
    EntityManager em;

    public List<DeviceAction> of(String deviceId) {
        return from(DeviceRecords.load(em, deviceId));
    }

    /** The actions, from one device's records as loaded (and changed) by a caller. */
    static List<DeviceAction> from(DeviceRecords records) {
        Map<String, String> guidOfVolume = new HashMap<>();
        for (Volume volume : records.volumes().values()) {
            guidOfVolume.put(volume.getId(), volume.getVolumeGuid());
        }
        Set<String> escrowed = new HashSet<>();
        List<DeviceAction> actions = new ArrayList<>();
        for (KeySummary key : records.keys().values()) {
            escrowed.add(key.recoveryKeyId());
            if (key.rotationRequestedAt() != null
                    && (key.state() == KeyState.ACTIVE || key.state() == KeyState.DISCLOSED)) {
                actions.add(new DeviceAction(DeviceAction.ROTATE_RECOVERY_KEY, guidOfVolume.get(key.volumeId()),
                        key.recoveryKeyId()));
            }
        }
        for (VolumeStatus status : records.statuses().values()) {
            for (ProtectorReport protector : ReportedProtectors.parse(status.getProtectors())) {
                if (protector.isRecoveryPassword() && !escrowed.contains(protector.id())) {
                    actions.add(new DeviceAction(DeviceAction.ESCROW_RECOVERY_KEY,
                            guidOfVolume.get(status.getVolumeId()), protector.id()));
                }
            }
        }
        return List.copyOf(new LinkedHashSet<>(actions));
    }
}
