package org.keywarden.loadgen.run;

import java.time.Instant;

/**
 * What a load run measured.
 *
 * @param settings         what it was told (the secret stays out of every report)
 * @param setup            how enrolling the fleet went
 * @param statistics       merged measurements, or empty when the setup failed
 * @param startedAt        when the run began (setup included)
 * @param measuredFrom     when the measurement began (after setup and warm-up)
 * @param endedAt          when the run ended
 * @param measuredSeconds  from the start of the measurement to the last measured answer
 * @param ledgerLines      lines appended to the ledger, or -1 without a ledger
 */
public record LoadResult(LoadSettings settings, SetupResult setup, RunStatistics statistics, Instant startedAt,
                         Instant measuredFrom, Instant endedAt, double measuredSeconds, long ledgerLines) {

    /** Requests per second over the measured time. */
    public double throughput(long count) {
        return measuredSeconds > 0 ? count / measuredSeconds : 0;
    }
}
