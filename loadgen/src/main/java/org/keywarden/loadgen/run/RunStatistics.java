package org.keywarden.loadgen.run;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** Measurements per operation plus overall; one per worker, merged into one at the end. */
public final class RunStatistics {
    private final Map<Operation, OperationStats> byOperation = new EnumMap<>(Operation.class);
    private final OperationStats overall = new OperationStats();
    private long lastCompletionNanos = Long.MIN_VALUE;

    void record(Operation op, Outcome outcome, long micros, long expectedIntervalMicros, long completedAtNanos) {
        byOperation.computeIfAbsent(op, o -> new OperationStats()).record(op, outcome, micros, expectedIntervalMicros);
        overall.record(op, outcome, micros, expectedIntervalMicros);
        lastCompletionNanos = Math.max(lastCompletionNanos, completedAtNanos);
    }

    void add(RunStatistics other) {
        other.byOperation.forEach((op, s) -> byOperation.computeIfAbsent(op, o -> new OperationStats()).add(s));
        overall.add(other.overall);
        lastCompletionNanos = Math.max(lastCompletionNanos, other.lastCompletionNanos);
    }

    /** Operations that were measured at least once. */
    public Map<Operation, OperationStats> byOperation() {
        return Collections.unmodifiableMap(byOperation);
    }

    public OperationStats overall() {
        return overall;
    }

    /** {@link System#nanoTime()} when the last measured request completed, or {@link Long#MIN_VALUE}. */
    long lastCompletionNanos() {
        return lastCompletionNanos;
    }
}
