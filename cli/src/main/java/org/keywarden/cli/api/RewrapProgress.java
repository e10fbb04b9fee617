package org.keywarden.cli.api;

import java.util.List;

/**
 * The re-wrap job as {@code /api/v1/admin/encryption/rewrap} reports it. {@code json} is the answer
 * as received.
 *
 * @param state            {@code IDLE}, {@code RUNNING}, {@code CANCELLED} or {@code DONE}
 * @param target           fingerprint of the certificate records are moved to, or {@code null}
 * @param recordsPerSecond rate this server node achieves
 * @param etaSeconds       estimated seconds left, or {@code null}
 * @param limitPerSecond   the rate limit asked for at start, or {@code null}
 * @param failedRecords    records that could not be opened, e.g. {@code key:GUID}
 */
public record RewrapProgress(String state, String target, long total, long done, long remaining,
                             double recordsPerSecond, Long etaSeconds, String startedAt, String startedBy,
                             Integer limitPerSecond, List<String> failedRecords, String json) {
    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";

    public RewrapProgress {
        failedRecords = failedRecords == null ? List.of() : List.copyOf(failedRecords);
    }

    /** Whether the job is still working. */
    public boolean running() {
        return RUNNING.equals(state);
    }

    /** Whether the job finished and every record was moved. */
    public boolean completeWithoutFailures() {
        return DONE.equals(state) && failedRecords.isEmpty();
    }
}
