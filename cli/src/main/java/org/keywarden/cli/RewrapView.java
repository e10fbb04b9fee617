package org.keywarden.cli;

import java.io.PrintWriter;
import org.keywarden.cli.api.RewrapProgress;

/** The human form of the re-wrap progress. */
final class RewrapView {
    private RewrapView() {
    }

    /**
     * One line, e.g.
     * {@code RUNNING  1234/5000 records (24.7%)  38.2 records/s  ETA 1m39s  to certificate 3fa2b1c4d5e6f708…}.
     */
    static String line(RewrapProgress p) {
        StringBuilder sb = new StringBuilder(p.state());
        sb.append("  ").append(p.done()).append('/').append(p.total()).append(" records");
        if (p.total() > 0) {
            sb.append(" (").append(Formats.percent(p.done(), p.total())).append(')');
        }
        if (p.running() || p.recordsPerSecond() > 0) {
            sb.append("  ").append(Formats.rate(p.recordsPerSecond())).append(" records/s");
            if (p.limitPerSecond() != null) {
                sb.append(" (limit ").append(p.limitPerSecond()).append("/s)");
            }
        }
        if (p.running()) {
            sb.append("  ETA ").append(p.etaSeconds() == null ? "unknown" : Formats.duration(p.etaSeconds()));
        }
        if (p.target() != null) {
            sb.append("  to certificate ").append(Formats.fingerprint(p.target()));
        }
        if (!p.failedRecords().isEmpty()) {
            sb.append("  ").append(p.failedRecords().size()).append(" failed");
        }
        return sb.toString();
    }

    /** The line, who started the job and when, and the records that failed. */
    static void print(RewrapProgress p, PrintWriter out) {
        out.println(line(p));
        if (p.startedAt() != null || p.startedBy() != null) {
            out.println("Started " + Formats.time(p.startedAt()) + (p.startedBy() == null ? "" : " by " + p.startedBy()));
        }
        printFailures(p, out);
    }

    static void printFailures(RewrapProgress p, PrintWriter out) {
        if (p.failedRecords().isEmpty()) {
            return;
        }
        out.println(p.failedRecords().size() + " record(s) could not be opened and stay sealed as they were:");
        for (String record : p.failedRecords()) {
            out.println("  FAILED " + record);
        }
    }
}
