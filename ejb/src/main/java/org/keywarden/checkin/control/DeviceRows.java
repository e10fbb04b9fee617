package org.keywarden.checkin.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.keywarden.checkin.entity.VolumeStatus;
import org.keywarden.escrow.entity.KeyState;
import org.keywarden.escrow.entity.KeySummary;
import org.keywarden.escrow.entity.Volume;
import org.keywarden.escrow.entity.VolumeType;

/**
 * A device's rows as a check-in compares a report with them, read by plain JDBC in four indexed queries
 * (no entities are managed, so nothing is tracked or written back): the device row, its volumes with
 * their statuses, its keys as summaries, and its users. Timestamps are UTC wall-clock time, as
 * {@code UtcInstantConverter} stores them.
 */
record DeviceRows(String osVersion, Instant lastCheckInAt, Instant lastReportedAt, boolean migratedFromMbam,
                  DeviceRecords records, Map<String, KnownUser> usersByPrincipal) {

    /** A user of the device, by the lower-case principal the JPA path matches on. */
    record KnownUser(String id, Instant lastSeenAt) {
    }

    private static final String DEVICE = "SELECT os_version, last_check_in_at, last_reported_at, migrated_from_mbam "
            + "FROM device WHERE device_id = ?";
    private static final String VOLUMES = "SELECT v.volume_id, v.volume_guid, v.volume_type, v.drive_letter, "
            + "s.volume_id, s.reported_at, s.received_at, s.encryption_method, s.conversion_status, "
            + "s.protection_status, s.compliant, s.non_compliance_codes, s.protectors "
            + "FROM volume v LEFT JOIN volume_status s ON s.volume_id = v.volume_id WHERE v.device_id = ?";
    private static final String KEYS = "SELECT recovery_key_id, volume_id, state, rotation_requested_at "
            + "FROM recovery_key WHERE device_id = ?";
    private static final String USERS = "SELECT device_user_id, principal, last_seen_at FROM device_user WHERE device_id = ?";

    /** The device's rows, or null when there is no such device. Users are read only when {@code withUsers}. */
    static DeviceRows read(Connection connection, String deviceId, boolean withUsers) throws SQLException {
        DeviceRows device = null;
        try (PreparedStatement query = connection.prepareStatement(DEVICE)) {
            query.setString(1, deviceId);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                device = new DeviceRows(row.getString(1), instant(row, 2), instant(row, 3), row.getBoolean(4),
                        new DeviceRecords(new HashMap<>(), new HashMap<>(), new HashMap<>()), new HashMap<>());
            }
        }
        readVolumes(connection, deviceId, device.records());
        readKeys(connection, deviceId, device.records().keys());
        if (withUsers) {
            readUsers(connection, deviceId, device.usersByPrincipal());
        }
        return device;
    }

    private static void readVolumes(Connection connection, String deviceId, DeviceRecords records) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(VOLUMES)) {
            query.setString(1, deviceId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Volume volume = new Volume(row.getString(1), deviceId, row.getString(2),
                            VolumeType.valueOf(row.getString(3)), row.getString(4));
                    records.volumes().put(volume.getVolumeGuid(), volume);
                    if (row.getString(5) != null) {
                        VolumeStatus status = new VolumeStatus(volume.getId(), deviceId);
                        boolean compliant = row.getBoolean(11);
                        status.report(instant(row, 6), instant(row, 7), row.getString(8), row.getString(9),
                                row.getString(10), row.wasNull() ? null : compliant, row.getString(12), row.getString(13));
                        records.statuses().put(volume.getId(), status);
                    }
                }
            }
        }
    }

    private static void readKeys(Connection connection, String deviceId, Map<String, KeySummary> keys) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(KEYS)) {
            query.setString(1, deviceId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    keys.put(row.getString(1), new KeySummary(row.getString(1), row.getString(2),
                            KeyState.valueOf(row.getString(3)), instant(row, 4)));
                }
            }
        }
    }

    private static void readUsers(Connection connection, String deviceId, Map<String, KnownUser> users) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(USERS)) {
            query.setString(1, deviceId);
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    users.put(row.getString(2).toLowerCase(java.util.Locale.ROOT),
                            new KnownUser(row.getString(1), instant(row, 3)));
                }
            }
        }
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        LocalDateTime value = row.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime utc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
