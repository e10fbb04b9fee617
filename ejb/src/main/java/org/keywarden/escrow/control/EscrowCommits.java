package org.keywarden.escrow.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keywarden.audit.control.AuditAppends;
import org.keywarden.crypto.control.SealingCertificates;
import org.keywarden.escrow.entity.KeyState;
import org.keywarden.metrics.control.MetricsRegistry;
import org.keywarden.schema.control.GroupCommit;
import org.keywarden.schema.control.KeywardenDataSource;

/**
 * Group commit of plain new-key escrows ({@link GroupCommit}): the keys of the escrows waiting at one moment,
 * with their new volumes, the supersedings and the audit events, are stored in one transaction, and each
 * caller is answered only after that commit succeeded. Locks are taken in one order, replaced keys by ID, then
 * the new rows, then the audit heads by chain, as the full way and a disclosure take a key and then a head. A
 * batch that fails (a key ID or volume stored meanwhile, a replaced key gone, a retired certificate, a database outage) is rolled back
 * whole and each of its callers is told so: it escrows the full way, which tells those cases apart.
 */
@ApplicationScoped
public class EscrowCommits {

    private static final Logger LOG = Logger.getLogger(EscrowCommits.class.getName());
    static final int MAX_BATCH = 100;

    private static final String VOLUME = "INSERT INTO volume (volume_id, device_id, volume_guid, volume_type, "
            + "drive_letter) VALUES (?, ?, ?, ?, ?)";
    private static final String KEY = "INSERT INTO recovery_key (recovery_key_id, key_id_prefix, device_id, volume_id, "
            + "recovery_password, key_package, state, escrowed_at, sealed_with) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** As {@code RecoveryKey.supersede}, of the device's own key only. */
    private static final String SUPERSEDE = "UPDATE recovery_key SET state = ?, superseded_by = ?, superseded_at = ?, "
            + "rotation_requested_at = NULL WHERE recovery_key_id = ? AND device_id = ?";

    @Inject
    MetricsRegistry metrics;

    private final GroupCommit<EscrowWrite> group = new GroupCommit<>(MAX_BATCH, this::write);

    /** Whether the escrow is committed (durable); false when its batch failed and was rolled back. */
    public boolean commit(EscrowWrite write) {
        return group.commit(write);
    }

    private boolean[] write(List<EscrowWrite> batch) {
        boolean[] committed = new boolean[batch.size()];
        boolean done = false;
        try (Connection connection = KeywardenDataSource.lookup().getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (String fingerprint : batch.stream().map(EscrowWrite::sealedWith).distinct().toList()) {
                    SealingCertificates.hold(connection, fingerprint);
                }
                // the replaced keys first, as the full way locks a replaced key before it inserts
                supersede(connection, batch);
                insert(connection, batch);
                AuditAppends.append(connection, batch.stream().map(EscrowWrite::audit).toList());
                connection.commit();
                done = true;
            } finally {
                if (!done) {
                    connection.rollback(); // whatever failed, Errors too: never half a batch on setAutoCommit
                }
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException failed) {
            if (!done) {
                Level level = ConcurrentConflict.isConflict(failed) ? Level.FINE : Level.WARNING;
                LOG.log(level, "A batch of {0} escrows was not committed ({1}); each is escrowed on its own instead",
                        new Object[] {batch.size(), failed.getClass().getSimpleName()});
                return committed;
            }
            LOG.log(Level.FINE, "A committed batch of escrows could not return its connection cleanly", failed);
        }
        java.util.Arrays.fill(committed, true);
        try {
            metrics.count("keywarden_escrow_group_commits_total");
            for (int i = 0; i < committed.length; i++) {
                metrics.count("keywarden_escrows_grouped_total");
                metrics.count("keywarden_audit_events_total", "action", EscrowRecoveryKey.ACTION, "outcome", "SUCCESS");
            }
        } catch (RuntimeException uncounted) {
            LOG.log(Level.FINE, "A committed batch of escrows was not counted", uncounted);
        }
        return committed;
    }

    private static void insert(Connection connection, List<EscrowWrite> batch) throws SQLException {
        try (PreparedStatement volumes = connection.prepareStatement(VOLUME);
             PreparedStatement keys = connection.prepareStatement(KEY)) {
            boolean anyVolume = false;
            for (EscrowWrite write : batch) {
                if (write.newVolume()) {
                    volumes.setString(1, write.volumeId());
                    volumes.setString(2, write.deviceId());
                    volumes.setString(3, write.volumeGuid());
                    volumes.setString(4, write.volumeType().name());
                    volumes.setString(5, write.driveLetter());
                    volumes.addBatch();
                    anyVolume = true;
                }
                keys.setString(1, write.recoveryKeyId());
                keys.setString(2, write.recoveryKeyId().substring(0, 8));
                keys.setString(3, write.deviceId());
                keys.setString(4, write.volumeId());
                keys.setBytes(5, write.sealedPassword());
                keys.setBytes(6, write.sealedPackage());
                keys.setString(7, KeyState.ACTIVE.name());
                keys.setObject(8, utc(write));
                keys.setString(9, write.sealedWith());
                keys.addBatch();
            }
            if (anyVolume) {
                volumes.executeBatch();
            }
            keys.executeBatch();
        }
    }

    /** Each replaced key, in ID order; one that is no longer the device's (or gone) fails the batch. */
    private static void supersede(Connection connection, List<EscrowWrite> batch) throws SQLException {
        List<EscrowWrite> replacing = batch.stream().filter(w -> w.supersedes() != null)
                .sorted(Comparator.comparing(EscrowWrite::supersedes)).toList();
        if (replacing.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(SUPERSEDE)) {
            for (EscrowWrite write : replacing) {
                update.setString(1, KeyState.SUPERSEDED.name());
                update.setString(2, write.recoveryKeyId());
                update.setObject(3, utc(write));
                update.setString(4, write.supersedes());
                update.setString(5, write.deviceId());
                if (update.executeUpdate() != 1) {
                    throw new SQLException("the replaced key " + write.supersedes() + " is no longer the device's");
                }
            }
        }
    }

    private static LocalDateTime utc(EscrowWrite write) {
        return LocalDateTime.ofInstant(write.escrowedAt(), ZoneOffset.UTC);
    }
}
