package org.keywarden.device.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.keywarden.crypto.control.DeviceTokens;
import org.keywarden.crypto.control.Digests;

/**
 * The enrollment secret as the database keeps it ({@code installation_value}): {@code sha256:<salt>:<hex>},
 * a salted SHA-256 digest. The secret is random (generated: 24 characters of 6 bits) or at least 24
 * characters (configured), so a digest is enough to check it and too costly to reverse.
 */
final class SecretDigest {

    static final String ENROLLMENT = "enrollment";

    private SecretDigest() {
    }

    static String of(String secret) {
        String salt = DeviceTokens.randomSecret(12);
        return "sha256:" + salt + ":" + Digests.sha256Hex(salt + ":" + secret);
    }

    static boolean matches(String digest, String candidate) {
        String[] parts = digest.split(":", 3);
        return parts.length == 3 && parts[0].equals("sha256")
                && Digests.constantTimeEquals(parts[2], Digests.sha256Hex(parts[1] + ":" + candidate));
    }

    static String read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT value_text FROM installation_value WHERE value_name = ?")) {
            select.setString(1, ENROLLMENT);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    static void write(Connection connection, String digest, boolean replace) throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(replace
                ? "UPDATE installation_value SET value_text = ?, changed_at = ? WHERE value_name = ?"
                : "INSERT INTO installation_value (value_text, changed_at, value_name) VALUES (?, ?, ?)")) {
            write.setString(1, digest);
            write.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
            write.setString(3, ENROLLMENT);
            write.executeUpdate();
        }
    }
}
