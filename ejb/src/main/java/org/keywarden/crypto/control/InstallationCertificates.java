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
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.keywarden.config.control.KeywardenSettings;
import org.keywarden.schema.control.InstallationLock;

/**
 * Every node of one database must open every record: at start-up, under the migrations' lock, the
 * node's keystore is held against the certificates the installation registered in the database
 * ({@code encryption_certificate}). A node that lacks one refuses to start, naming its fingerprint; a
 * node with no keystore on a database that already has certificates refuses too, instead of generating
 * a keystore of its own; the first node of an installation generates the keystore and registers it.
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
        Set<String> registered = registered(connection);
        if (settings.encryptionDisabled()) {
            if (!registered.isEmpty()) {
                LOG.warning(() -> "KEYWARDEN_ENCRYPTION=none, but records of this installation may be sealed to "
                        + "certificate(s) " + String.join(", ", registered) + ": this node cannot open them");
            }
            return;
        }
        if (encryption.awaitsGeneratedKeystore()) {
            if (!registered.isEmpty()) {
                throw new IllegalStateException("this node has no encryption keystore (none configured, none in "
                        + encryption.keystore().getParent() + "), but this database's records are sealed to "
                        + "certificate(s) " + String.join(", ", registered) + " of another node's keystore; a new "
                        + "keystore could not open them, so none is generated: " + HOW_TO_SHARE);
            }
            encryption.generateKeystore();
        }
        KeyRing keys = encryption.keyRing();
        List<String> missing = new ArrayList<>(registered);
        missing.removeAll(keys.fingerprints());
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the encryption keystore " + encryption.keystore() + " lacks certificate(s) "
                    + String.join(", ", missing) + ", to which this database's records are sealed (or another node "
                    + "seals them): " + HOW_TO_SHARE);
        }
        for (String fingerprint : keys.fingerprints()) {
            if (!registered.contains(fingerprint)) {
                register(connection, fingerprint);
                if (!registered.isEmpty()) {
                    LOG.warning(() -> "Encryption certificate " + fingerprint + " of " + encryption.keystore()
                            + " is new to this installation: give every other node this keystore before it opens "
                            + "records sealed to it");
                }
            }
        }
    }

    private static Set<String> registered(Connection connection) throws SQLException {
        Set<String> fingerprints = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT fingerprint FROM encryption_certificate");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                fingerprints.add(rows.getString(1));
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
