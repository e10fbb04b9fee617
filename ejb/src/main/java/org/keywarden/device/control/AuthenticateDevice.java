package org.keywarden.device.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.keywarden.crypto.control.DeviceTokens;
import org.keywarden.schema.control.KeywardenDataSource;

/**
 * Finds the device a bearer token belongs to, by the token's hash. On every device request, so it is the
 * cheapest read there is: one indexed query for the id alone by plain JDBC, outside any transaction (a CDI
 * bean, not an EJB; no entity manager). A database that cannot be read answers 503 through the last-resort
 * mapper, which finds the {@link SQLException} in the cause.
 */
@ApplicationScoped
public class AuthenticateDevice {

    private static final String ID_BY_TOKEN_HASH = "SELECT device_id FROM device WHERE token_hash = ?";

    public Optional<String> deviceOf(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        try (Connection connection = KeywardenDataSource.lookup().getConnection();
             PreparedStatement query = connection.prepareStatement(ID_BY_TOKEN_HASH)) {
            query.setString(1, DeviceTokens.hash(token));
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException unreadable) {
            throw new IllegalStateException("The device token could not be looked up", unreadable);
        }
    }
}
