package org.keywarden.config.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What every node of an installation must agree on, by name ({@code installation_value}): the enrollment
 * secret's digest, the first node's HTTPS certificate. Read and written at start-up on the connection
 * {@code InstallationLock} holds.
 */
public final class InstallationValues {

    private InstallationValues() {
    }

    /** The value named {@code name}, or null. */
    public static String read(Connection connection, String name) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT value_text FROM installation_value WHERE value_name = ?")) {
            select.setString(1, name);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    /** Stores {@code value} under {@code name}: replacing the one there, or the first one. */
    public static void write(Connection connection, String name, String value, boolean replace) throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(replace
                ? "UPDATE installation_value SET value_text = ?, changed_at = ? WHERE value_name = ?"
                : "INSERT INTO installation_value (value_text, changed_at, value_name) VALUES (?, ?, ?)")) {
            write.setString(1, value);
            write.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
            write.setString(3, name);
            write.executeUpdate();
        }
    }
}
