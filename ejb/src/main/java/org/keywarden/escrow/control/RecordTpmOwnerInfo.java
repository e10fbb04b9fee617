package org.keywarden.escrow.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.crypto.control.SecretCodec;
import org.keywarden.escrow.entity.TpmOwnerInfo;

/** Keeps the newest TPM owner information a device reported; an older report is ignored. */
@Stateless
public class RecordTpmOwnerInfo {

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCodec codec;

    @Inject
    AuditTrail audit;

    /** Whether the report was kept (false: an equally new or newer one is stored). */
    public boolean record(String deviceId, TpmOwnerReport report, Caller caller) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        TpmOwnerInfo info = em.find(TpmOwnerInfo.class, deviceId, LockModeType.PESSIMISTIC_WRITE);
        boolean isNew = info == null;
        if (isNew) {
            info = new TpmOwnerInfo(deviceId);
        }
        SecretCodec.Sealer sealer = codec.sealer();
        boolean kept = info.offer(sealer.seal(deviceId, "ownerAuthHash", report.ownerAuthHash()),
                sealer.sealedWith(), report.reportedAt(), now);
        if (!kept) {
            return false;
        }
        if (isNew) {
            em.persist(info);
        }
        audit.record(AuditRecord.success(caller, "TPM_OWNER_INFO_ESCROW", deviceId)
                .withDetail("reported at " + report.reportedAt()));
        return true;
    }
}
