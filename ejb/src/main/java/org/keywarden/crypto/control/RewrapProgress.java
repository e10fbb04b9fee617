package org.keywarden.crypto.control;

import java.time.Instant;
import java.util.List;

/**
 * The re-wrap job's state ({@code IDLE}, {@code RUNNING}, {@code CANCELLED}, {@code DONE}) and progress:
 * records sealed to the target certificate out of all records, the rate this node achieves, and the
 * estimated time left. {@code failedRecords} are records that could not be opened (they stay as they were).
 */
public record RewrapProgress(String state, String target, long total, long done, long remaining,
                             double recordsPerSecond, Long etaSeconds, Instant startedAt, String startedBy,
                             Integer limitPerSecond, List<String> failedRecords) {
}
