package org.keywarden.loadgen.run;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * When the workers start, when measuring starts (after the warm-up) and when the run stops:
 * at a deadline, after a number of measured requests, or on a fatal local error.
 */
final class RunWindow {
    private final long startNanos;
    private final long measureStartNanos;
    private final long deadlineNanos;
    private final AtomicLong remainingRequests;
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private volatile boolean stopped;

    /**
     * @param requests measured requests to send, or 0 to stop at {@code startNanos + warmup + duration}
     */
    RunWindow(long startNanos, long warmupNanos, long durationNanos, long requests) {
        this.startNanos = startNanos;
        this.measureStartNanos = startNanos + warmupNanos;
        this.deadlineNanos = requests > 0 ? Long.MAX_VALUE : measureStartNanos + durationNanos;
        this.remainingRequests = requests > 0 ? new AtomicLong(requests) : null;
    }

    long startNanos() {
        return startNanos;
    }

    long measureStartNanos() {
        return measureStartNanos;
    }

    long deadlineNanos() {
        return deadlineNanos;
    }

    boolean measuring(long nanos) {
        return nanos - measureStartNanos >= 0;
    }

    /** Whether no further request may start at {@code nanos}. */
    boolean over(long nanos) {
        return stopped || (deadlineNanos != Long.MAX_VALUE && nanos - deadlineNanos >= 0);
    }

    /** Takes one measured request from the budget; false when it is used up (the run is then over). */
    boolean claimMeasuredRequest() {
        if (remainingRequests == null) {
            return true;
        }
        if (remainingRequests.getAndDecrement() > 0) {
            return true;
        }
        stopped = true;
        return false;
    }

    /** Stops the run because of a local error (for example the ledger cannot be written). */
    void abort(RuntimeException e) {
        fatal.compareAndSet(null, e);
        stopped = true;
    }

    RuntimeException fatal() {
        return fatal.get();
    }
}
