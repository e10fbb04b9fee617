package org.keywarden.loadgen.run;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One request at a time, until the run is over. Flat out, the next request starts when the last
 * one is answered (closed loop). Paced, requests start on a fixed schedule of one per
 * {@code intervalNanos}; a request that takes longer than the interval delays the schedule rather
 * than causing a burst, and is recorded with that expected interval so that HdrHistogram adds the
 * requests that should have been sent meanwhile (coordinated-omission correction).
 * After a request without any answer (connection refused, timeout) the worker pauses briefly, so
 * that a dead server is not hammered in a tight loop.
 */
final class Worker implements Runnable {
    static final long PAUSE_AFTER_NO_ANSWER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final RunWindow window;
    private final DeviceOperations operations;
    private final OperationMix mix;
    private final Progress progress;
    private final long intervalNanos;
    private final long firstStartNanos;
    private final RunStatistics stats = new RunStatistics();

    /**
     * @param intervalNanos  pacing interval of this worker, 0 = flat out
     * @param firstStartNanos when this worker's schedule begins (staggered between workers)
     */
    Worker(RunWindow window, DeviceOperations operations, OperationMix mix, Progress progress, long intervalNanos,
           long firstStartNanos) {
        this.window = window;
        this.operations = operations;
        this.mix = mix;
        this.progress = progress;
        this.intervalNanos = intervalNanos;
        this.firstStartNanos = firstStartNanos;
    }

    RunStatistics statistics() {
        return stats;
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            window.abort(e);
        }
    }

    private void loop() throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long intervalMicros = TimeUnit.NANOSECONDS.toMicros(intervalNanos);
        long next = firstStartNanos;
        while (true) {
            long now = System.nanoTime();
            if (intervalNanos > 0) {
                if (next - now > 0) {
                    if (!sleepUntil(next)) {
                        return;
                    }
                    now = System.nanoTime();
                } else if (now - next >= intervalNanos) {
                    next = now;  // behind schedule: the correction accounts for the missed sends
                }
            }
            if (window.over(now)) {
                return;
            }
            boolean measured = window.measuring(now);
            if (measured && !window.claimMeasuredRequest()) {
                return;
            }
            Operation op = mix.pick(random);
            long sent = System.nanoTime();
            Outcome outcome = operations.perform(op);
            long done = System.nanoTime();
            boolean error = !outcome.answered() || !op.succeeded(outcome.status());
            progress.completed(outcome, error);
            if (measured) {
                stats.record(op, outcome, TimeUnit.NANOSECONDS.toMicros(done - sent), intervalMicros, done);
            }
            if (!outcome.answered()) {
                LockSupport.parkNanos(PAUSE_AFTER_NO_ANSWER_NANOS);
            }
            next += intervalNanos;
        }
    }

    /** Sleeps until {@code target}, or until the run is over; false in the latter case. */
    private boolean sleepUntil(long target) throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            if (window.over(now)) {
                return false;
            }
            long wait = target - now;
            if (wait <= 0) {
                return true;
            }
            long deadline = window.deadlineNanos();
            if (deadline != Long.MAX_VALUE && deadline - now < wait) {
                wait = deadline - now;
            }
            LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(100)));
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }
}
