package org.keywarden.loadgen.run;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Measurements of one operation (or of all): request count, errors by cause, and latency
 * histograms in microseconds of the requests the server answered (whatever the status). When the
 * run is paced, {@link #latency()} is corrected for coordinated omission (HdrHistogram's expected
 * interval) and {@link #serviceTime()} is the uncorrected time; otherwise both are the same
 * measurement. Not thread safe: each worker has its own, merged at the end.
 */
public final class OperationStats {
    private static final int SIGNIFICANT_DIGITS = 3;

    private final Histogram latency = new Histogram(SIGNIFICANT_DIGITS);
    private final Histogram serviceTime = new Histogram(SIGNIFICANT_DIGITS);
    private long count;
    private long errors;
    private final Map<String, Long> errorsByCause = new TreeMap<>();
    private final Map<Integer, Long> answersByStatus = new TreeMap<>();

    /**
     * @param micros           time from sending to the complete answer; ignored without an answer
     * @param expectedInterval the worker's pacing interval in microseconds, 0 when not paced
     */
    void record(Operation op, Outcome outcome, long micros, long expectedInterval) {
        count++;
        if (outcome.answered()) {
            answersByStatus.merge(outcome.status(), 1L, Long::sum);
            long value = Math.max(1, micros);
            serviceTime.recordValue(value);
            if (expectedInterval > 0) {
                latency.recordValueWithExpectedInterval(value, expectedInterval);
            } else {
                latency.recordValue(value);
            }
        }
        if (!outcome.answered() || !op.succeeded(outcome.status())) {
            errors++;
            errorsByCause.merge(outcome.errorKey(), 1L, Long::sum);
        }
    }

    /** Adds another's measurements to these. */
    void add(OperationStats other) {
        latency.add(other.latency);
        serviceTime.add(other.serviceTime);
        count += other.count;
        errors += other.errors;
        other.errorsByCause.forEach((k, v) -> errorsByCause.merge(k, v, Long::sum));
        other.answersByStatus.forEach((k, v) -> answersByStatus.merge(k, v, Long::sum));
    }

    /** Requests measured (answered or not). */
    public long count() {
        return count;
    }

    /** Requests that did not end with the operation's success status. */
    public long errors() {
        return errors;
    }

    /** Errors by {@code HTTP <status>} or exception class name. */
    public Map<String, Long> errorsByCause() {
        return Map.copyOf(errorsByCause);
    }

    /** Answered requests by HTTP status, successes included. */
    public Map<Integer, Long> answersByStatus() {
        return Map.copyOf(answersByStatus);
    }

    /** Latency in microseconds (coordinated-omission corrected when paced). */
    public Histogram latency() {
        return latency;
    }

    /** Uncorrected time from sending to the answer, in microseconds. */
    public Histogram serviceTime() {
        return serviceTime;
    }
}
