package org.keywarden.loadgen.report;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.keywarden.loadgen.run.LoadResult;
import org.keywarden.loadgen.run.LoadSettings;
import org.keywarden.loadgen.run.OperationStats;
import org.keywarden.loadgen.run.SetupResult;

/** The human summary of a load run: one table row per operation and one for all. */
public final class TextSummary {
    private static final String ROW = "%-10s %10s %8s %10s %9s %9s %9s %9s %9s%n";

    private TextSummary() {
    }

    public static void write(LoadResult result, PrintWriter out) {
        LoadSettings s = result.settings();
        SetupResult setup = result.setup();
        out.printf(Locale.ROOT, "Keywarden load: %s, %s, concurrency %d, mix %s, %d volume(s) per device%n",
                s.server(), s.paced() ? String.format(Locale.ROOT, "paced at %.1f req/s", s.rate()) : "flat out",
                s.concurrency(), s.mix(), s.volumesPerDevice());
        out.printf(Locale.ROOT, "Setup: %d of %d devices enrolled, %d initial keys escrowed, in %.1f s%s%n",
                setup.enrolled(), setup.requested(), setup.initialKeys(), setup.seconds(),
                errors(setup.enrollErrors(), "; enroll errors: ") + errors(setup.initialKeyErrors(), "; escrow errors: "));
        if (setup.failure() != SetupResult.Failure.NONE) {
            out.flush();
            return;
        }
        out.printf(Locale.ROOT, "Measured %.1f s after a %d s warm-up (%s)%n", result.measuredSeconds(),
                s.warmupSeconds(), s.durationSeconds() > 0 ? "duration " + s.durationSeconds() + " s"
                        : s.requests() + " requests");
        out.printf(Locale.ROOT, ROW, "operation", "requests", "errors", "req/s", "p50 ms", "p90 ms", "p99 ms",
                "p99.9 ms", "max ms");
        result.statistics().byOperation().forEach((op, stats) -> row(out, op.label(), stats, result));
        row(out, "all", result.statistics().overall(), result);
        result.statistics().byOperation().forEach((op, stats) -> {
            if (!stats.errorsByCause().isEmpty()) {
                out.println("Errors of " + op.label() + ": " + causes(stats.errorsByCause()));
            }
        });
        if (s.paced()) {
            Percentiles service = Percentiles.of(result.statistics().overall().serviceTime());
            out.printf(Locale.ROOT, "Latencies corrected for coordinated omission; uncorrected p99 %.2f ms, max %.2f ms%n",
                    service.p99(), service.max());
        }
        if (result.ledgerLines() >= 0) {
            out.printf(Locale.ROOT, "Ledger: %d acknowledged escrow(s) appended (setup included)%n",
                    result.ledgerLines());
        }
        out.flush();
    }

    private static void row(PrintWriter out, String name, OperationStats stats, LoadResult result) {
        Percentiles p = Percentiles.of(stats.latency());
        out.printf(Locale.ROOT, ROW, name, String.format(Locale.ROOT, "%,d", stats.count()),
                String.format(Locale.ROOT, "%,d", stats.errors()),
                String.format(Locale.ROOT, "%,.1f", result.throughput(stats.count())),
                ms(p.p50()), ms(p.p90()), ms(p.p99()), ms(p.p999()), ms(p.max()));
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String errors(Map<String, Long> byCause, String prefix) {
        return byCause.isEmpty() ? "" : prefix + causes(byCause);
    }

    static String causes(Map<String, Long> byCause) {
        return byCause.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }
}
