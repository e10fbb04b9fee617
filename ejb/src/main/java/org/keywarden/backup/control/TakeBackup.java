package org.keywarden.backup.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.keywarden.audit.control.AuditRecord;
import org.keywarden.audit.control.AuditTrail;
import org.keywarden.audit.control.Caller;
import org.keywarden.config.control.KeywardenSettings;
import org.keywarden.crypto.control.EncryptionAtRest;
import org.keywarden.identity.control.Roles;
import org.keywarden.platform.control.Conflict;
import org.keywarden.schema.control.KeywardenDataSource;

/**
 * Writes a backup into {@code <data dir>/backups/<time>/}, owner-only: first the audit checkpoints (so
 * none is newer than the database copy), then the embedded H2 database with H2's online {@code BACKUP}
 * (consistent while the server runs), then the encryption keystore, its generated password file (in a
 * folder of its own, to be stored apart), the TLS identity agents pin, and the enrollment secret file.
 * Refused when a certificate the stored records are sealed to is missing from the copied keystore.
 * With PostgreSQL or SQL Server the database is dumped by their own tools (docs/disaster-recovery.md).
 */
@Stateless
@RolesAllowed(Roles.ADMIN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TakeBackup {

    static final String DIRECTORY = "backups";
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @Inject
    KeywardenSettings settings;

    @Inject
    EncryptionAtRest encryption;

    @Inject
    AuditTrail audit;

    @PersistenceContext
    EntityManager em;

    public BackupReport take(Caller caller) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path data = settings.dataDir();
        Path target = data.resolve(DIRECTORY).resolve(NAME.format(now));
        if (Files.exists(target)) {
            throw new Conflict("A backup was taken this second already; try again");
        }
        BackupFiles files = new BackupFiles(data, target);
        try {
            files.createOwnerOnly();
            files.copyTree("audit-checkpoints", "audit-checkpoints");
            boolean databaseIncluded = backUpDatabase(target.resolve("database.zip"));
            if (databaseIncluded) {
                files.written("database.zip");
            }
            List<String> needed = certificatesNeeded();
            if (!encryption.isPlainText()) {
                files.copy(encryption.keystore(), "encryption/keystore.p12");
                List<String> missing = new ArrayList<>(needed);
                missing.removeAll(encryption.keyRing().fingerprints());
                if (!missing.isEmpty()) {
                    throw new Conflict("The keystore lacks certificate(s) " + missing + " that stored records are "
                            + "sealed to; this backup could not open them");
                }
                if (encryption.isGeneratedKeystore()) {
                    files.copyIfPresent("encryption/keystore.password", "encryption-password/keystore.password");
                }
            }
            files.copyTree("tls", "tls");
            files.copyIfPresent("enrollment-secret", "enrollment-secret");
            long keys = em.createQuery("SELECT COUNT(k) FROM RecoveryKey k", Long.class).getSingleResult();
            String database = databaseIncluded ? "included (H2 online backup)"
                    : "not included: back up the " + vendor() + " database with its own tools before this backup";
            BackupReport report = new BackupReport(target.toString(), now, databaseIncluded, database, keys, needed,
                    files.written());
            files.writeManifest(report);
            org.keywarden.config.control.DataFiles.restrictTree(target); // H2 wrote database.zip with the umask
            audit.recordSeparately(new AuditRecord(caller, "BACKUP_CREATED", org.keywarden.audit.entity.Outcome.SUCCESS,
                    null, null, null, null, "backup " + target.getFileName() + ": database " + (databaseIncluded
                            ? "included" : "not included") + ", " + keys + " recovery key(s)"));
            return report;
        } catch (IOException | SQLException e) {
            files.discard();
            throw new IllegalStateException("The backup to " + target + " failed: " + e.getClass().getSimpleName()
                    + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            files.discard();
            throw e;
        }
    }

    private boolean backUpDatabase(Path zip) throws SQLException {
        try (Connection connection = KeywardenDataSource.lookup().getConnection()) {
            if (!connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2")) {
                return false;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
            }
            return true;
        }
    }

    private String vendor() {
        try (Connection connection = KeywardenDataSource.lookup().getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            return "external";
        }
    }

    private List<String> certificatesNeeded() {
        TreeSet<String> needed = new TreeSet<>(em.createQuery(
                "SELECT DISTINCT k.sealedWith FROM RecoveryKey k WHERE k.sealedWith IS NOT NULL", String.class).getResultList());
        needed.addAll(em.createQuery(
                "SELECT DISTINCT t.sealedWith FROM TpmOwnerInfo t WHERE t.sealedWith IS NOT NULL", String.class).getResultList());
        return List.copyOf(needed);
    }
}
