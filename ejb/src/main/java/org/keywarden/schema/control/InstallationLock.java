package org.keywarden.schema.control;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Runs start-up work that must happen once across the nodes of one database (first keystore, the
 * enrollment secret) in one transaction under the migrations' lock, so that nodes starting together
 * take turns and each sees what the one before it wrote. H2 is embedded: one node only, no lock.
 */
public final class InstallationLock {

    /** Work on the locked connection; its writes commit together when it returns. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static volatile String folder;

    private InstallationLock() {
    }

    /** The database Keywarden runs on: {@code h2}, {@code postgresql} or {@code sqlserver}. */
    public static String database() {
        String known = folder;
        if (known == null) {
            try (Connection connection = KeywardenDataSource.lookup().getConnection()) {
                known = DatabaseVendor.of(connection).folder;
                folder = known;
            } catch (SQLException e) {
                throw new IllegalStateException("The database could not be reached: " + e.getMessage(), e);
            }
        }
        return known;
    }

    public static <T> T run(Work<T> work) {
        try (Connection connection = KeywardenDataSource.lookup().getConnection()) {
            DatabaseVendor vendor = DatabaseVendor.of(connection);
            folder = vendor.folder;
            return locked(connection, vendor, work);
        } catch (SQLException e) {
            throw new IllegalStateException("The database could not be read at start-up: " + e.getMessage(), e);
        }
    }

    /**
     * The one lock sequence (each schema migration runs in it too): a transaction on {@code connection}
     * that first takes the lock, commits the work's writes when it returns, rolls them back when it fails,
     * and gives the lock back either way.
     */
    static <T> T locked(Connection connection, DatabaseVendor vendor, Work<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            vendor.lock(connection);
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
            vendor.unlock(connection);
        }
    }
}
