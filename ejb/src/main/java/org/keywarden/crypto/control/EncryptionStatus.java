package org.keywarden.crypto.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.settings.control.StoredSettings;
import org.keywarden.settings.entity.Setting;

/**
 * Reports how secrets are kept at rest, and records an administrator's confirmation that the
 * keystore was backed up. A generated keystore is reported with a warning until its newest
 * certificate's backup is confirmed; the confirmation is audited.
 */
@Stateless
public class EncryptionStatus {

    static final String BACKUP_CONFIRMED = "encryption.keystore.backup-confirmed-for";

    @Inject
    EncryptionAtRest encryption;

    @Inject
    StoredSettings settings;

    @Inject
    AuditTrail audit;

    @Inject
    SealedRecords records;

    public EncryptionReport report() {
        if (encryption.isPlainText()) {
            return new EncryptionReport("none", null, false, List.of(), null, null, null, List.of(
                    "KEYWARDEN_ENCRYPTION=none: recovery passwords, key packages and TPM owner hashes are stored "
                            + "in plain text"));
        }
        KeyRing keys = encryption.keyRing();
        String newest = KeyRing.fingerprint(keys.newest());
        List<EncryptionReport.Certificate> certificates = new ArrayList<>();
        for (String fingerprint : keys.fingerprints()) {
            X509Certificate certificate = keys.certificate(fingerprint).orElseThrow();
            certificates.add(new EncryptionReport.Certificate(fingerprint,
                    certificate.getSubjectX500Principal().getName(), certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant(), fingerprint.equals(newest), records.sealedWith(fingerprint)));
        }
        Optional<Setting> confirmed = settings.get(BACKUP_CONFIRMED);
        List<String> warnings = new ArrayList<>();
        if (encryption.isGeneratedKeystore() && !confirmed.map(Setting::getValue).orElse("").equals(newest)) {
            warnings.add("Keywarden generated its encryption keystore " + encryption.keystore() + ". Back it up "
                    + "together with its password file now: without them no stored key can be read. Then confirm "
                    + "the backup (POST /api/v1/admin/encryption/backup-confirmation).");
        }
        encryption.passwordBesideDatabase().ifPresent(warnings::add);
        return new EncryptionReport("cms", encryption.keystore().toString(), encryption.isGeneratedKeystore(),
                certificates, confirmed.map(Setting::getValue).orElse(null),
                confirmed.map(Setting::getChangedAt).orElse(null), confirmed.map(Setting::getChangedBy).orElse(null),
                warnings);
    }

    /** Whether an administrator confirmed the backup of the keystore holding the newest certificate. */
    public boolean isBackupConfirmedForNewest() {
        String newest = KeyRing.fingerprint(encryption.keyRing().newest());
        return settings.get(BACKUP_CONFIRMED).map(Setting::getValue).orElse("").equals(newest);
    }

    /** Records that the keystore holding the newest certificate was backed up; the fingerprint confirmed. */
    public String confirmBackup(Caller caller) {
        if (encryption.isPlainText()) {
            throw new IllegalStateException("Encryption is off; there is no keystore to back up");
        }
        String newest = KeyRing.fingerprint(encryption.keyRing().newest());
        settings.set(BACKUP_CONFIRMED, newest, caller.actor());
        audit.record(AuditRecord.success(caller, "ENCRYPTION_BACKUP_CONFIRMED", null)
                .withDetail("keystore " + encryption.keystore() + " with certificate " + newest));
        return newest;
    }
}
