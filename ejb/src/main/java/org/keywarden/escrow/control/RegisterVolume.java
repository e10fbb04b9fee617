package org.keywarden.escrow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.keywarden.escrow.entity.Volume;
import org.keywarden.escrow.entity.VolumeType;

/**
 * Finds a device's volume by the GUID the device reports, creating or updating it as reported. A
 * helper inside its caller's transaction (a CDI bean, not an EJB: it needs no transaction or pool
 * of its own).
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class RegisterVolume {

    @PersistenceContext
    EntityManager em;

    public Volume register(String deviceId, String volumeGuid, VolumeType type, String driveLetter) {
        Volume known = em.createNamedQuery(Volume.BY_DEVICE_AND_GUID, Volume.class)
                .setParameter("deviceId", deviceId)
                .setParameter("volumeGuid", volumeGuid)
                .getResultStream().findFirst().orElse(null);
        return register(known, deviceId, volumeGuid, type, driveLetter);
    }

    /** As {@link #register(String, String, VolumeType, String)}, for a caller that has already looked the volume up. */
    public Volume register(Volume known, String deviceId, String volumeGuid, VolumeType type, String driveLetter) {
        if (known == null) {
            Volume volume = new Volume(UUID.randomUUID().toString(), deviceId, volumeGuid, type, driveLetter);
            em.persist(volume);
            // Keys and statuses refer to the volume by id only, so EclipseLink cannot order the inserts itself.
            ConcurrentConflict.flush(em, "volume " + volumeGuid + " of device " + deviceId);
            return volume;
        }
        if (type != null && type != known.getType()) {
            known.setType(type);
        }
        if (driveLetter != null && !driveLetter.equals(known.getDriveLetter())) {
            known.setDriveLetter(driveLetter);
        }
        return known;
    }
}
