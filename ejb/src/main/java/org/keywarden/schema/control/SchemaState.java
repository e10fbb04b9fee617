package org.keywarden.schema.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Whether the database answers and holds exactly the schema this node knows: every migration applied and
 * none newer (another node's release). Reads the schema history only, on a connection of its own.
 */
@ApplicationScoped
public class SchemaState {

    private static final int TIMEOUT_SECONDS = 3;

    /** {@code null} when all is well, else what is wrong, naming no host, user or password. */
    public String problem() {
        try (Connection connection = KeywardenDataSource.lookup().getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(TIMEOUT_SECONDS);
            Set<Integer> applied = new HashSet<>();
            try (ResultSet rows = statement.executeQuery("SELECT version FROM " + SchemaMigrations.HISTORY)) {
                while (rows.next()) {
                    applied.add(rows.getInt(1));
                }
            }
            List<Migration> known = SchemaMigrations.migrationsOf(DatabaseVendor.of(connection));
            int newestKnown = known.stream().mapToInt(Migration::version).max().orElse(0);
            long missing = known.stream().filter(m -> !applied.contains(m.version())).count();
            int newestApplied = applied.stream().mapToInt(Integer::intValue).max().orElse(0);
            if (newestApplied > newestKnown) {
                return "the schema is at version " + newestApplied + ", newer than this node knows (" + newestKnown + ")";
            }
            return missing == 0 ? null : missing + " schema migration(s) not applied";
        } catch (SQLException e) {
            return "database unreachable (SQL state " + e.getSQLState() + ")";
        } catch (RuntimeException e) {
            return "database unreachable (" + e.getClass().getSimpleName() + ")";
        }
    }
}
