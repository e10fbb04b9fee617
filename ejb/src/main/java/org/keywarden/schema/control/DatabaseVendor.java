package org.keywarden.schema.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The databases Keywarden runs on, each with its folder of migrations and its migration lock. */
enum DatabaseVendor {
    H2("h2", null, null),
    /** A transaction-scoped advisory lock, released by the commit. */
    POSTGRESQL("postgresql", "SELECT pg_advisory_xact_lock(727100401)", null),
    /**
     * A session-owned application lock: with the driver's implicit transactions an EXEC starts no
     * transaction, so a transaction-owned lock would be refused. Released after each migration.
     */
    SQLSERVER("sqlserver",
            "EXEC sp_getapplock @Resource = 'keywarden-schema', @LockMode = 'Exclusive', @LockOwner = 'Session', "
                    + "@LockTimeout = 120000",
            "EXEC sp_releaseapplock @Resource = 'keywarden-schema', @LockOwner = 'Session'");

    final String folder;
    private final String lockStatement;
    private final String unlockStatement;

    DatabaseVendor(String folder, String lockStatement, String unlockStatement) {
        this.folder = folder;
        this.lockStatement = lockStatement;
        this.unlockStatement = unlockStatement;
    }

    static DatabaseVendor of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase();
        if (product.contains("h2")) {
            return H2;
        }
        if (product.contains("postgresql")) {
            return POSTGRESQL;
        }
        if (product.contains("microsoft sql server")) {
            return SQLSERVER;
        }
        throw new IllegalStateException("Unsupported database: " + product + " (use H2, PostgreSQL or SQL Server)");
    }

    /** Ends a lock that the commit does not end (SQL Server's session lock). */
    void unlock(Connection connection) throws SQLException {
        if (unlockStatement != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(unlockStatement);
            }
        }
    }

    /** Serializes migrations across nodes until {@link #unlock} or the end of the transaction. */
    void lock(Connection connection) throws SQLException {
        if (lockStatement != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(lockStatement);
            }
        }
    }
}
