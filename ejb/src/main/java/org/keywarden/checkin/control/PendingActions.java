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
 * escrowed key (an escrow gap), unless another device record escrowed it: then rotate it.
 */
@Stateless
public class PendingActions {

    @PersistenceContext
    EntityManager em;

    public List<DeviceAction> of(String deviceId) {
        return rotatingForeignKeys(em, deviceId, from(DeviceRecords.load(em, deviceId)));
    }

    /**
     * An escrow gap whose protector is escrowed under another device record (a PC that was enrolled
     * again) is no gap to fill: escrowing it could only get 409, forever. The device is asked to
     * rotate it instead; its replacement, escrowed with {@code replaces}, is stored on this record and
     * the other record stays untouched. One query, and only when there are gaps.
     */
    static List<DeviceAction> rotatingForeignKeys(EntityManager em, String deviceId, List<DeviceAction> actions) {
        List<String> gaps = actions.stream().filter(a -> DeviceAction.ESCROW_RECOVERY_KEY.equals(a.type()))
                .map(DeviceAction::recoveryKeyId).toList();
        if (gaps.isEmpty()) {
            return actions;
        }
        Set<String> foreign = new HashSet<>(em.createQuery("SELECT k.recoveryKeyId FROM RecoveryKey k "
                        + "WHERE k.recoveryKeyId IN :ids AND k.deviceId <> :deviceId", String.class)
                .setParameter("ids", gaps).setParameter("deviceId", deviceId).getResultList());
        if (foreign.isEmpty()) {
            return actions;
        }
        List<DeviceAction> changed = new ArrayList<>(actions.size());
        for (DeviceAction action : actions) {
            boolean rotate = DeviceAction.ESCROW_RECOVERY_KEY.equals(action.type()) && foreign.contains(action.recoveryKeyId());
            changed.add(rotate ? new DeviceAction(DeviceAction.ROTATE_RECOVERY_KEY, action.volumeId(), action.recoveryKeyId())
                    : action);
        }
        return List.copyOf(new LinkedHashSet<>(changed));
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
            // a superseded key with a rotation request was disclosed while its protector may still be on the disk
            if (key.rotationRequestedAt() != null && (key.state() == KeyState.ACTIVE
                    || key.state() == KeyState.DISCLOSED || key.state() == KeyState.SUPERSEDED)) {
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
