package org.keywarden.escrow.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an escrow finds stored before it writes, read by plain JDBC (no entity managed): the device of the
 * new key ID and of the key it replaces, if stored, and the reported volume of the device, if known.
 */
record EscrowRows(Map<String, String> deviceOfKey, String volumeId, String volumeType, String driveLetter) {

    private static final String KEYS = "SELECT recovery_key_id, device_id FROM recovery_key WHERE recovery_key_id IN (?, ?)";
    private static final String VOLUME = "SELECT volume_id, volume_type, drive_letter FROM volume "
            + "WHERE device_id = ? AND volume_guid = ?";

    static EscrowRows read(Connection connection, String deviceId, EscrowCommand command) throws SQLException {
        Map<String, String> deviceOfKey = new HashMap<>();
        try (PreparedStatement keys = connection.prepareStatement(KEYS)) {
            keys.setString(1, command.recoveryKeyId());
            keys.setString(2, command.replaces() == null ? command.recoveryKeyId() : command.replaces());
            try (ResultSet rows = keys.executeQuery()) {
                while (rows.next()) {
                    deviceOfKey.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        try (PreparedStatement volume = connection.prepareStatement(VOLUME)) {
            volume.setString(1, deviceId);
            volume.setString(2, command.volumeGuid());
            try (ResultSet row = volume.executeQuery()) {
                return row.next() ? new EscrowRows(deviceOfKey, row.getString(1), row.getString(2), row.getString(3))
                        : new EscrowRows(deviceOfKey, null, null, null);
            }
        }
    }

    /**
     * Whether the escrow is a plain new key: its ID not stored, the key it replaces (if any) the device's own,
     * and its volume new or stored as reported. Anything else (a re-send, a conflict, a foreign or unknown
     * replaced key, a volume whose type or drive letter changes) takes the full way.
     */
    boolean plainNewKey(String deviceId, EscrowCommand command) {
        if (deviceOfKey.containsKey(command.recoveryKeyId())) {
            return false;
        }
        if (command.replaces() != null && !deviceId.equals(deviceOfKey.get(command.replaces()))) {
            return false;
        }
        return volumeId == null || command.volumeType().name().equals(volumeType)
                && (command.driveLetter() == null || Objects.equals(command.driveLetter(), driveLetter));
    }
}
