package org.keywarden.imports.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.device.entity.Device;
import org.keywarden.escrow.control.RegisterVolume;
import org.keywarden.escrow.control.StoreRecoveryKey;
import org.keywarden.escrow.entity.RecoveryKey;
import org.keywarden.escrow.entity.Volume;
import org.keywarden.escrow.entity.VolumeType;
import org.keywarden.identity.control.Roles;

/**
 * Imports keys an organisation already holds, each stored as an escrow stores it (sealed, audited) on a
 * device record per computer name marked with its source, which no agent can sign in as. Idempotent: a key
 * ID already stored with the same password is counted as present and left as it is, one stored with another
 * password is a conflict that changes nothing and is audited. All keys of one request are one transaction.
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
public class ImportKeys {

    static final String ACTION = "KEY_IMPORT";

    @PersistenceContext
    EntityManager em;

    @Inject
    StoreRecoveryKey storeKey;

    @Inject
    RegisterVolume registerVolume;

    @Inject
    AuditTrail audit;

    public ImportReport importKeys(ImportSource source, List<KeyToImport> keys, List<ImportReport.Rejection> invalid,
                                   Caller caller) {
        Map<String, String> records = new HashMap<>();
        int imported = 0;
        int present = 0;
        int conflicting = 0;
        for (KeyToImport key : keys) {
            RecoveryKey existing = em.find(RecoveryKey.class, key.recoveryKeyId());
            if (existing == null) {
                store(source, key, records.computeIfAbsent(key.hostname(), h -> record(source, key)), caller);
                imported++;
                // written, so nothing is lost; detached, so that each flush does not look at every earlier key
                // again (EclipseLink compares every managed object at a flush: a batch would cost n squared)
                em.flush();
                em.clear();
            } else if (storeKey.storedPassword(existing).equals(key.recoveryPassword().value())) {
                present++;
            } else {
                conflicting++;
                audit.record(AuditRecord.failure(caller, ACTION, existing.getDeviceId(),
                        "from " + source + " for " + key.hostname() + ": recovery key ID already stored with a "
                                + "different password").withKey(null, key.recoveryKeyId()));
            }
        }
        return new ImportReport(imported, present, conflicting, invalid);
    }

    private void store(ImportSource source, KeyToImport key, String deviceId, Caller caller) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // Entra ID names no volume: the key gets a volume of its own, the same one at every import
        String volumeGuid = key.volumeGuid() != null ? key.volumeGuid()
                : UUID.nameUUIDFromBytes(("imported-volume:" + key.recoveryKeyId()).getBytes(
                        java.nio.charset.StandardCharsets.US_ASCII)).toString().toUpperCase(java.util.Locale.ROOT);
        Volume known = em.createNamedQuery(Volume.BY_DEVICE_AND_GUID, Volume.class).setParameter("deviceId", deviceId)
                .setParameter("volumeGuid", volumeGuid).getResultStream().findFirst().orElse(null);
        // a source that does not say the type leaves a known volume's as it is; a new one is taken as OS
        Volume volume = registerVolume.register(known, deviceId, volumeGuid,
                key.volumeType() == null && known == null ? VolumeType.OS : key.volumeType(), null);
        Instant escrowedAt = key.createdAt() == null || key.createdAt().isAfter(now) ? now
                : key.createdAt().truncatedTo(ChronoUnit.MILLIS);
        storeKey.store(key.recoveryKeyId(), deviceId, volume.getId(), key.recoveryPassword(), key.keyPackage(),
                escrowedAt);
        audit.record(AuditRecord.success(caller, ACTION, deviceId).withKey(volumeGuid, key.recoveryKeyId())
                .withDetail("imported from " + source + " for " + key.hostname()));
    }

    /** The imported record of this computer name, made at its first key. */
    private String record(ImportSource source, KeyToImport key) {
        Device known = em.createNamedQuery(Device.IMPORTED_BY_HOSTNAME, Device.class)
                .setParameter("hostname", key.hostname()).setMaxResults(1).getResultStream().findFirst().orElse(null);
        if (known != null) {
            return known.getId();
        }
        // no one holds a token for it: the hash of a token never issued
        Device device = new Device(UUID.randomUUID().toString(), key.hostname(), key.domain() == null ? "" : key.domain(),
                org.keywarden.crypto.control.DeviceTokens.hash(org.keywarden.crypto.control.DeviceTokens.generate()),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        device.setImportedFrom(source.name());
        em.persist(device);
        em.flush();
        return device.getId();
    }
}
