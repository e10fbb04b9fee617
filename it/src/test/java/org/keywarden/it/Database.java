package org.keywarden.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain JDBC into the database the server under test uses, to check what it really stored. */
public final class Database {

    private Database() {
    }

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("keywarden.test.jdbc.url"),
                System.getProperty("keywarden.test.jdbc.user"), System.getProperty("keywarden.test.jdbc.password"));
    }

    public static long count(String sql, Object... parameters) {
        return ((Number) single(sql, parameters)).longValue();
    }

    public static String text(String sql, Object... parameters) {
        Object value = single(sql, parameters);
        return value == null ? null : value.toString();
    }

    public static Object single(String sql, Object... parameters) {
        List<Object> values = column(sql, parameters);
        if (values.size() != 1) {
            throw new AssertionError("Expected one row from " + sql + " but got " + values.size());
        }
        return values.get(0);
    }

    public static List<Object> column(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<Object> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException("Query failed: " + sql, e);
        }
    }

    /** The sealed recovery password stored for a key, as stored. */
    public static byte[] sealedRecoveryPassword(String recoveryKeyId) {
        return (byte[]) single("SELECT recovery_password FROM recovery_key WHERE recovery_key_id = ?", recoveryKeyId);
    }

    /** Overwrites the sealed recovery password stored for a key (tampering, for a test); exactly one row. */
    public static void storeSealedRecoveryPassword(String recoveryKeyId, byte[] sealed) throws SQLException {
        try (Connection connection = connect();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE recovery_key SET recovery_password = ? WHERE recovery_key_id = ?")) {
            update.setBytes(1, sealed);
            update.setString(2, recoveryKeyId);
            int rows = update.executeUpdate();
            if (rows != 1) {
                throw new AssertionError("expected to update 1 row of recovery_key, updated " + rows);
            }
        }
    }

    /** Runs one update (setting a row up for a test); returns the number of rows it changed. */
    public static int update(String sql, Object... parameters) {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Update failed: " + sql, e);
        }
    }
}
