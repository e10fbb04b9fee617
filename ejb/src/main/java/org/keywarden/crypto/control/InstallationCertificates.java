package org.keywarden.crypto.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.keywarden.config.control.KeywardenSettings;
import org.keywarden.schema.control.InstallationLock;

/**
 * Every node of one database must open every record: at start-up, under the migrations' lock, the
 * node's keystore is held against the certificates the installation registered in the database
 * ({@code encryption_certificate}). A node that lacks one that records are sealed to, or the newest one,
 * refuses to start, naming it (unless the administrator accepted its records as lost); one that nothing
 * needs any more is dropped from the list. A node with no keystore on a database that already has
 * certificates refuses too, instead of generating a keystore of its own; the first node of an installation
 * generates the keystore and registers it.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class InstallationCertificates {

    private static final Logger LOG = Logger.getLogger(InstallationCertificates.class.getName());
    static final String HOW_TO_SHARE = "every node of an installation needs the same encryption keystore: set "
            + "KEYWARDEN_ENCRYPTION_KEYSTORE and its password to the same keystore on every node, or copy the first "
            + "node's <data dir>/encryption/keystore.p12 and keystore.password into this node's data directory "
            + "(docs/encryption.md, \"Several nodes\")";

    @Inject
    EncryptionAtRest encryption;

    @Inject
    KeywardenSettings settings;

    @PostConstruct
    void check() {
        try {
            InstallationLock.run(connection -> {
                reconcile(connection);
                return null;
            });
        } catch (RuntimeException e) {
            String message = "Keywarden cannot start: " + e.getMessage();
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
    }

    private void reconcile(Connection connection) throws SQLException {
        Map<String, Timestamp> registered = registered(connection);
        if (settings.encryptionDisabled()) {
            if (!registered.isEmpty()) {
                LOG.warning(() -> "KEYWARDEN_ENCRYPTION=none, but records of this installation may be sealed to "
                        + "certificate(s) " + String.join(", ", registered.keySet()) + ": this node cannot open them");
            }
            return;
        }
        if (encryption.awaitsGeneratedKeystore()) {
            if (!registered.isEmpty()) {
                throw new IllegalStateException("this node has no encryption keystore (none configured, none in "
                        + encryption.keystore().getParent() + "), but this database's records are sealed to "
                        + "certificate(s) " + String.join(", ", registered.keySet()) + " of another node's keystore; "
                        + "a new keystore could not open them, so none is generated: " + HOW_TO_SHARE);
            }
            encryption.generateKeystore();
        }
        KeyRing keys = encryption.keyRing();
        List<String> needed = new ArrayList<>();
        String newest = registered.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        Set<String> lost = settings.lostEncryptionCertificates();
        for (String fingerprint : registered.keySet()) {
            if (keys.fingerprints().contains(fingerprint)) {
                continue;
            }
            long records = sealedTo(connection, fingerprint);
            if (records == 0 && !fingerprint.equals(newest)) {
                // retired on another node, or left behind by a retirement that did not commit: nothing needs it
                unregister(connection, fingerprint);
                LOG.warning(() -> "Encryption certificate " + fingerprint + " is not in " + encryption.keystore()
                        + " and no record is sealed to it: no longer listed for this installation");
            } else if (lost.contains(fingerprint)) {
                LOG.warning(() -> records + " record(s) are sealed to encryption certificate " + fingerprint + ", which "
                        + encryption.keystore() + " lacks: they cannot be opened (accepted as lost by "
                        + "KEYWARDEN_ENCRYPTION_LOST_CERTIFICATES)");
            } else {
                needed.add(fingerprint + " (" + (records == 0 ? "the installation's newest" : records + " record(s)") + ")");
            }
        }
        if (!needed.isEmpty()) {
            throw new IllegalStateException("the encryption keystore " + encryption.keystore() + " lacks certificate(s) "
                    + String.join(", ", needed) + ", to which this database's records are sealed (or another node "
                    + "seals them): " + HOW_TO_SHARE + ". Only if that keystore is lost for good: list the fingerprints "
                    + "in KEYWARDEN_ENCRYPTION_LOST_CERTIFICATES to start without them");
        }
        for (String fingerprint : keys.fingerprints()) {
            if (!registered.containsKey(fingerprint)) {
                register(connection, fingerprint);
                if (!registered.isEmpty()) {
                    LOG.warning(() -> "Encryption certificate " + fingerprint + " of " + encryption.keystore()
                            + " is new to this installation: give every other node this keystore before it opens "
                            + "records sealed to it");
                }
            }
        }
    }

    private static long sealedTo(Connection connection, String fingerprint) throws SQLException {
        long records = 0;
        for (String table : List.of("recovery_key", "tpm_owner_info")) {
            try (PreparedStatement count = connection.prepareStatement(
                    "SELECT COUNT(*) FROM " + table + " WHERE sealed_with = ?")) {
                count.setString(1, fingerprint);
                try (ResultSet rows = count.executeQuery()) {
                    rows.next();
                    records += rows.getLong(1);
                }
            }
        }
        return records;
    }

    private static void unregister(Connection connection, String fingerprint) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM encryption_certificate WHERE fingerprint = ?")) {
            delete.setString(1, fingerprint);
            delete.executeUpdate();
        }
    }

    private static Map<String, Timestamp> registered(Connection connection) throws SQLException {
        Map<String, Timestamp> fingerprints = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT fingerprint, registered_at FROM encryption_certificate");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                fingerprints.put(rows.getString(1), rows.getTimestamp(2));
            }
        }
        return fingerprints;
    }

    private static void register(Connection connection, String fingerprint) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO encryption_certificate (fingerprint, registered_at) VALUES (?, ?)")) {
            insert.setString(1, fingerprint);
            insert.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
            insert.executeUpdate();
        }
    }
}
