package org.keywarden.device.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import org.keywarden.config.control.DataFiles;
import org.keywarden.config.control.InstallationValues;
import org.keywarden.config.control.KeywardenSettings;
import org.keywarden.crypto.control.DeviceTokens;
import org.keywarden.schema.control.InstallationLock;

/**
 * The organisation's enrollment secret, one for every node of the installation: the database keeps its
 * digest ({@link SecretDigest}), and each enrollment is checked against it. {@code KEYWARDEN_ENROLLMENT_SECRET},
 * when set, must be the installation's secret (or become it, with {@code KEYWARDEN_ENROLLMENT_SECRET_REPLACE});
 * otherwise the installation keeps the one it has, and the first node of a new installation generates it into
 * {@code <data dir>/enrollment-secret} (owner-only permissions), where the administrator reads it. The secret
 * itself is never logged.
 */
@Singleton
@Startup
@DependsOn("InstallationCertificates")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // start-up works on its own locked connection
public class EnrollmentSecret {

    private static final Logger LOG = Logger.getLogger(EnrollmentSecret.class.getName());
    static final String FILE_NAME = "enrollment-secret";

    @Inject
    KeywardenSettings settings;

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void load() {
        String configured = settings.enrollmentSecret().orElse(null);
        boolean replaces = settings.enrollmentSecretReplaces();
        Path file = settings.dataDir().resolve(FILE_NAME);
        try {
            InstallationLock.run(connection -> {
                settle(connection, configured, replaces, file);
                return null;
            });
        } catch (IllegalStateException e) {
            String message = "Keywarden cannot start: " + e.getMessage();
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
    }

    private static void settle(Connection connection, String configured, boolean replaces, Path file)
            throws SQLException {
        String stored = InstallationValues.read(connection, SecretDigest.ENROLLMENT);
        if (configured != null) {
            if (stored != null && !SecretDigest.matches(stored, configured)) {
                if (!replaces) {
                    // a node left with an earlier or another secret must not undo a change made for every node
                    throw new IllegalStateException("KEYWARDEN_ENROLLMENT_SECRET is not this installation's enrollment "
                            + "secret (an earlier one, or not the one the other nodes have): set the same one on every "
                            + "node; to make this one the installation's, for every node, start this node once with "
                            + "KEYWARDEN_ENROLLMENT_SECRET_REPLACE=true");
                }
                LOG.warning("KEYWARDEN_ENROLLMENT_SECRET replaces this installation's enrollment secret "
                        + "(KEYWARDEN_ENROLLMENT_SECRET_REPLACE): from now on devices enroll with it, through every node");
            }
            if (stored == null || !SecretDigest.matches(stored, configured)) {
                InstallationValues.write(connection, SecretDigest.ENROLLMENT, SecretDigest.of(configured), stored != null);
            }
            return;
        }
        String local = readFile(file);
        if (stored == null) {
            InstallationValues.write(connection, SecretDigest.ENROLLMENT, SecretDigest.of(local != null ? local : generate(file)),
                    false);
        } else if (local != null && !SecretDigest.matches(stored, local)) {
            LOG.warning(() -> file.toAbsolutePath() + " is not this installation's enrollment secret (another node's "
                    + "or KEYWARDEN_ENROLLMENT_SECRET is): devices enroll with the installation's one, not with this file's");
        } else if (local == null) {
            LOG.info("Devices enroll with this installation's enrollment secret, which another node generated or "
                    + "was given: read it there (<data dir>/enrollment-secret) or set KEYWARDEN_ENROLLMENT_SECRET");
        }
    }

    /** Whether {@code candidate} is the installation's enrollment secret (read from the database each time). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean matches(String candidate) {
        if (candidate == null) {
            return false;
        }
        List<?> digests = em.createNativeQuery("SELECT value_text FROM installation_value WHERE value_name = ?1")
                .setParameter(1, SecretDigest.ENROLLMENT).getResultList();
        return !digests.isEmpty() && SecretDigest.matches((String) digests.get(0), candidate);
    }

    private static String readFile(Path file) {
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).strip();
                return stored.isEmpty() ? null : stored;
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the enrollment secret file " + file
                    + "; set KEYWARDEN_ENROLLMENT_SECRET or KEYWARDEN_DATA_DIR", e);
        }
    }

    private static String generate(Path file) {
        String generated = DeviceTokens.randomSecret(24);
        try {
            DataFiles.writeOwnerOnly(file, generated);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the enrollment secret file " + file
                    + "; set KEYWARDEN_ENROLLMENT_SECRET or KEYWARDEN_DATA_DIR", e);
        }
        LOG.warning(() -> "Generated an enrollment secret for devices; read it from " + file.toAbsolutePath()
                + " (or set KEYWARDEN_ENROLLMENT_SECRET)");
        return generated;
    }
}
