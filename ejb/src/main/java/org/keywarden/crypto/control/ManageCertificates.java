package org.keywarden.crypto.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;

/**
 * Certificate rotation: a new certificate encrypts from the moment it is added (every one still
 * decrypts); an old one can be retired only when no record is sealed to it any more, and (unless forced)
 * once the backup of the keystore with the newest certificate is confirmed.
 */
@Stateless
public class ManageCertificates {

    /** What a retirement did. */
    public enum Retirement { RETIRED, NOT_FOUND, NEWEST, STILL_NEEDED, BACKUP_UNCONFIRMED }

    @Inject
    EncryptionAtRest encryption;

    @Inject
    SealedRecords records;

    @Inject
    AuditTrail audit;

    @Inject
    EncryptionStatus status;

    @PersistenceContext
    EntityManager em;

    @Inject
    SealingCertificates certificates;

    public String add(Caller caller) {
        String fingerprint = encryption.addCertificate();
        // registered for the other nodes, which refuse to start without it (InstallationCertificates)
        em.createNativeQuery("INSERT INTO encryption_certificate (fingerprint, registered_at) VALUES (?1, ?2)")
                .setParameter(1, fingerprint).setParameter(2, LocalDateTime.now(ZoneOffset.UTC)).executeUpdate();
        audit.record(AuditRecord.success(caller, "ENCRYPTION_CERTIFICATE_ADDED", null)
                .withDetail("certificate " + fingerprint + " in " + encryption.keystore()));
        return fingerprint;
    }

    /**
     * Retires a certificate no record needs. Unless {@code force}, refused while the backup of the keystore
     * with the newest certificate (the one that stays) is unconfirmed: retiring would otherwise leave only
     * a certificate of which no backup is known.
     */
    public Retirement retire(String fingerprint, boolean force, Caller caller) {
        KeyRing keys = encryption.keyRing();
        if (keys == null || keys.certificate(fingerprint).isEmpty()) {
            return Retirement.NOT_FOUND;
        }
        if (KeyRing.fingerprint(keys.newest()).equals(fingerprint)) {
            return Retirement.NEWEST;
        }
        certificates.holdExclusively(); // no node seals to it between this count and the commit
        long needing = records.sealedWith(fingerprint);
        if (needing > 0) {
            audit.record(AuditRecord.failure(caller, "ENCRYPTION_CERTIFICATE_RETIRED", null,
                    "certificate " + fingerprint + " is still needed by " + needing + " record(s)"));
            return Retirement.STILL_NEEDED;
        }
        if (!force && !status.isBackupConfirmedForNewest()) {
            audit.record(AuditRecord.failure(caller, "ENCRYPTION_CERTIFICATE_RETIRED", null, "certificate " + fingerprint
                    + " kept: the backup of the keystore with the newest certificate is not confirmed"));
            return Retirement.BACKUP_UNCONFIRMED;
        }
        em.createNativeQuery("DELETE FROM encryption_certificate WHERE fingerprint = ?1")
                .setParameter(1, fingerprint).executeUpdate();
        em.flush(); // before the keystore changes: a failed delete leaves both as they were
        encryption.removeCertificate(fingerprint);
        audit.record(AuditRecord.success(caller, "ENCRYPTION_CERTIFICATE_RETIRED", null)
                .withDetail("certificate " + fingerprint + " removed from " + encryption.keystore()
                        + (force ? " (forced)" : "")));
        return Retirement.RETIRED;
    }
}
