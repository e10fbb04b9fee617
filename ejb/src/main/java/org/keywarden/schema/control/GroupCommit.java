package org.keywarden.schema.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Group commit: the writes waiting at one moment go to the database in one transaction, and each caller
 * returns only after the commit holding its write succeeded, so nothing acknowledged lives only in memory.
 * There is no thread of its own: the first waiting caller commits the batch while later ones queue for the
 * next (leader and followers). An idle node commits a lone write at once; on a busy one (a batch committed
 * within the last {@link #BUSY_NANOS}) the leader first lets others join for up to {@link #GATHER_NANOS},
 * as PostgreSQL's {@code commit_delay}. The writer stores a batch in one transaction and says, per write,
 * whether it is committed; a batch that fails is rolled back whole and answers false for each.
 *
 * @param <W> what one caller writes
 */
public final class GroupCommit<W> {

    /** How long a batch on a busy node waits for more writes to join it. */
    static final long GATHER_NANOS = 3_000_000;
    static final long BUSY_NANOS = 10_000_000;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition batchDone = lock.newCondition();
    private final Condition arrived = lock.newCondition();
    private final Function<List<W>, boolean[]> writer;
    private final int maxBatch;
    private List<Waiting<W>> queue = new ArrayList<>();
    private boolean committing;
    private long lastCommitEnded = System.nanoTime() - BUSY_NANOS - 1;

    private static final class Waiting<W> {
        final W write;
        Boolean committed;

        Waiting(W write) {
            this.write = write;
        }
    }

    /** {@code writer}: stores a batch of at most {@code maxBatch} writes in one transaction, committed per write. */
    public GroupCommit(int maxBatch, Function<List<W>, boolean[]> writer) {
        this.maxBatch = maxBatch;
        this.writer = writer;
    }

    /** Whether the write is committed (durable); false when its batch failed and was rolled back. */
    public boolean commit(W write) {
        Waiting<W> mine = new Waiting<>(write);
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
                List<Waiting<W>> batch = take();
                boolean[] done = new boolean[batch.size()];
                lock.unlock();
                try {
                    done = writer.apply(batch.stream().map(w -> w.write).toList());
                } finally {
                    lock.lock();
                    committing = false;
                    lastCommitEnded = System.nanoTime();
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).committed = done != null && i < done.length && done[i];
                    }
                    batchDone.signalAll();
                }
            }
            return mine.committed;
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock: on a busy node lets more writes join the batch for a while; on a quiet one commits at once. */
    private void gather() {
        if (System.nanoTime() - lastCommitEnded > BUSY_NANOS) {
            return;
        }
        long left = GATHER_NANOS;
        while (queue.size() < maxBatch && left > 0) {
            try {
                left = arrived.awaitNanos(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<Waiting<W>> take() {
        if (queue.size() <= maxBatch) {
            List<Waiting<W>> batch = queue;
            queue = new ArrayList<>();
            return batch;
        }
        List<Waiting<W>> batch = new ArrayList<>(queue.subList(0, maxBatch));
        queue = new ArrayList<>(queue.subList(maxBatch, queue.size()));
        return batch;
    }
}
