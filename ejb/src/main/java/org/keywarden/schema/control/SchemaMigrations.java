package org.keywarden.schema.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Brings the database schema up to the newest version at start-up. Migrations are listed in
 * {@code db/migration/<vendor>/index.txt}; each runs in its own transaction under a database lock
 * (so several nodes starting together apply each once) and is recorded with its checksum in
 * {@code keywarden_schema_history}. A migration changed after it was applied stops the deployment.
 */
@Singleton
@Startup
@DependsOn("EncryptionAtRest") // a keystore that cannot be used stops the deployment before the database is touched
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrations {

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());
    static final String HISTORY = "keywarden_schema_history";

    @jakarta.inject.Inject
    org.keywarden.config.control.DataDirectory dataDirectory;

    @PostConstruct
    void migrate() {
        try (Connection connection = KeywardenDataSource.lookup().getConnection()) {
            DatabaseVendor vendor = DatabaseVendor.of(connection);
            createHistoryIfMissing(connection);
            List<Migration> known = migrationsOf(vendor);
            refuseNewerSchema(connection, known);
            int applied = 0;
            for (Migration migration : known) {
                if (apply(connection, vendor, migration)) {
                    applied++;
                }
            }
            LOG.info(() -> "Database schema is up to date (" + vendor.folder + ")");
            dataDirectory.restrict(); // the embedded database's files exist now
            if (applied > 0) {
                int count = applied;
                LOG.info(() -> "Applied " + count + " schema migration(s)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Schema migration failed: " + e.getMessage(), e);
        }
    }

    /**
     * A node of an older release must not touch a schema a newer release migrated (it would write rows the
     * newer code does not expect): it stops before writing anything, saying which versions meet.
     */
    private static void refuseNewerSchema(Connection connection, List<Migration> known) throws SQLException {
        int newestKnown = known.stream().mapToInt(Migration::version).max().orElse(0);
        int newestApplied = appliedChecksums(connection).keySet().stream().mapToInt(Integer::intValue).max().orElse(0);
        if (newestApplied > newestKnown) {
            IllegalStateException refusal = new IllegalStateException("The database schema is at version " + newestApplied
                    + ", newer than this Keywarden release knows (" + newestKnown + "): a newer release has migrated it."
                    + " Start this node with that release (upgrade nodes one at a time; an older node never writes to a"
                    + " newer schema). Nothing was written.");
            LOG.severe(refusal::getMessage);
            throw refusal;
        }
    }

    static List<Migration> migrationsOf(DatabaseVendor vendor) {
        String index = "db/migration/" + vendor.folder + "/index.txt";
        try (InputStream in = SchemaMigrations.class.getClassLoader().getResourceAsStream(index)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + index);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(file -> Migration.load(vendor.folder, file))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + index, e);
        }
    }

    private static void createHistoryIfMissing(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        if (historyExists(connection)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + HISTORY + " (version INTEGER NOT NULL, description VARCHAR(200) NOT NULL, "
                    + "checksum BIGINT NOT NULL, installed_at VARCHAR(40) NOT NULL, "
                    + "CONSTRAINT pk_" + HISTORY + " PRIMARY KEY (version))");
        } catch (SQLException raced) {
            if (!historyExists(connection)) {
                throw raced;
            }
        }
    }

    private static boolean historyExists(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM " + HISTORY).close();
            return true;
        } catch (SQLException missing) {
            return false;
        }
    }

    private static boolean apply(Connection connection, DatabaseVendor vendor, Migration migration) throws SQLException {
        boolean applied = InstallationLock.locked(connection, vendor, locked -> {
            Long checksum = appliedChecksums(locked).get(migration.version());
            if (checksum != null) {
                if (checksum != migration.checksum()) {
                    throw new IllegalStateException("Migration V" + migration.version()
                            + " was changed after it was applied; add a new migration instead");
                }
                return false;
            }
            try (Statement statement = locked.createStatement()) {
                for (String sql : migration.statements()) {
                    statement.execute(sql);
                }
            }
            try (PreparedStatement insert = locked.prepareStatement(
                    "INSERT INTO " + HISTORY + " (version, description, checksum, installed_at) VALUES (?, ?, ?, ?)")) {
                insert.setInt(1, migration.version());
                insert.setString(2, migration.description());
                insert.setLong(3, migration.checksum());
                insert.setString(4, Instant.now().toString());
                insert.executeUpdate();
            }
            return true;
        });
        if (applied) {
            LOG.info(() -> "Applied schema migration V" + migration.version() + " " + migration.description());
        }
        return applied;
    }

    private static Map<Integer, Long> appliedChecksums(Connection connection) throws SQLException {
        Map<Integer, Long> applied = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT version, checksum FROM " + HISTORY)) {
            while (rows.next()) {
                applied.put(rows.getInt(1), rows.getLong(2));
            }
        }
        return applied;
    }
}
