package org.keywarden.escrow.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import org.keywarden.escrow.entity.Volume;
import org.keywarden.escrow.entity.VolumeType;

/** Finds a device's volume by the GUID the device reports, creating or updating it as reported. */
@Stateless
public class RegisterVolume {

    @PersistenceContext
    EntityManager em;

    public Volume register(String deviceId, String volumeGuid, VolumeType type, String driveLetter) {
        Volume volume = em.createNamedQuery(Volume.BY_DEVICE_AND_GUID, Volume.class)
                .setParameter("deviceId", deviceId)
                .setParameter("volumeGuid", volumeGuid)
                .getResultStream().findFirst().orElse(null);
        if (volume == null) {
            volume = new Volume(UUID.randomUUID().toString(), deviceId, volumeGuid, type, driveLetter);
            em.persist(volume);
            // Keys and statuses refer to the volume by id only, so EclipseLink cannot order the inserts itself.
            em.flush();
            return volume;
        }
        if (type != null && type != volume.getType()) {
            volume.setType(type);
        }
        if (driveLetter != null && !driveLetter.equals(volume.getDriveLetter())) {
            volume.setDriveLetter(driveLetter);
        }
        return volume;
    }
}
