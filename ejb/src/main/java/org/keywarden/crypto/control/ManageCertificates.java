package org.keywarden.crypto.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;

/**
 * Certificate rotation: a new certificate encrypts from the moment it is added (every one still
 * decrypts); an old one can be retired only when no record is sealed to it any more.
 */
@Stateless
public class ManageCertificates {

    /** What a retirement did. */
    public enum Retirement { RETIRED, NOT_FOUND, NEWEST, STILL_NEEDED }

    @Inject
    EncryptionAtRest encryption;

    @Inject
    SealedRecords records;

    @Inject
    AuditTrail audit;

    public String add(Caller caller) {
        String fingerprint = encryption.addCertificate();
        audit.record(AuditRecord.success(caller, "ENCRYPTION_CERTIFICATE_ADDED", null)
                .withDetail("certificate " + fingerprint + " in " + encryption.keystore()));
        return fingerprint;
    }

    public Retirement retire(String fingerprint, Caller caller) {
        KeyRing keys = encryption.keyRing();
        if (keys == null || keys.certificate(fingerprint).isEmpty()) {
            return Retirement.NOT_FOUND;
        }
        if (KeyRing.fingerprint(keys.newest()).equals(fingerprint)) {
            return Retirement.NEWEST;
        }
        long needing = records.sealedWith(fingerprint);
        if (needing > 0) {
            audit.record(AuditRecord.failure(caller, "ENCRYPTION_CERTIFICATE_RETIRED", null,
                    "certificate " + fingerprint + " is still needed by " + needing + " record(s)"));
            return Retirement.STILL_NEEDED;
        }
        encryption.removeCertificate(fingerprint);
        audit.record(AuditRecord.success(caller, "ENCRYPTION_CERTIFICATE_RETIRED", null)
                .withDetail("certificate " + fingerprint + " removed from " + encryption.keystore()));
        return Retirement.RETIRED;
    }
}
