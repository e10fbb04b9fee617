package org.keywarden.schema.control;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** The databases Keywarden runs on, each with its folder of migrations and its migration lock. */
enum DatabaseVendor {
    H2("h2", null),
    POSTGRESQL("postgresql", "SELECT pg_advisory_xact_lock(727100401)"),
    SQLSERVER("sqlserver",
            "EXEC sp_getapplock @Resource = 'keywarden-schema', @LockMode = 'Exclusive', @LockOwner = 'Transaction'");

    final String folder;
    private final String lockStatement;

    DatabaseVendor(String folder, String lockStatement) {
        this.folder = folder;
        this.lockStatement = lockStatement;
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

    /** Serializes migrations across nodes for the rest of the current transaction. */
    void lock(Connection connection) throws SQLException {
        if (lockStatement != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(lockStatement);
            }
        }
    }
}
