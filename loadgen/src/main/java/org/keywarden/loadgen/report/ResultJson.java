package org.keywarden.loadgen.report;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;
import java.util.TreeMap;
import org.keywarden.loadgen.http.JsonSupport;
import org.keywarden.loadgen.run.LoadResult;
import org.keywarden.loadgen.run.LoadSettings;
import org.keywarden.loadgen.run.Operation;
import org.keywarden.loadgen.run.OperationStats;
import org.keywarden.loadgen.run.SetupResult;

/**
 * The JSON result of a load run. Shape (times RFC 3339, latencies in milliseconds):
 * <pre>{@code
 * {"tool": "keywarden-loadgen", "version": "...", "javaVersion": "17.0.15", "availableProcessors": 2,
 *  "startedAt": "...", "measuredFrom": "...", "endedAt": "...", "measuredSeconds": 30.01,
 *  "parameters": {"server", "devices", "concurrency", "durationSeconds" | "requests", "rate",
 *                 "mix": {"escrow": 1, "checkin": 9}, "volumesPerDevice", "warmupSeconds",
 *                 "timeoutSeconds", "insecure", "initialKeys", "ledger"},
 *  "setup": {"devicesRequested", "devicesEnrolled", "enrollErrors": {...}, "initialKeys",
 *            "initialKeyErrors": {...}, "seconds", "failure"},
 *  "operations": {"escrow": STATS, "checkin": STATS},
 *  "overall": STATS,
 *  "ledgerLines": 123}                                  // only with --ledger
 * STATS = {"count", "errors", "errorsByCause": {"HTTP 500": 2, "ConnectException": 1},
 *          "answersByStatus": {"201": 950, "500": 2},   // answered requests, successes included
 *          "throughput", "successThroughput",
 *          "latencyMs": {"samples", "mean", "p50", "p90", "p99", "p99_9", "max"},
 *          "serviceTimeMs": {...}}                      // uncorrected; differs from latencyMs when paced
 * }</pre>
 */
public final class ResultJson {
    private ResultJson() {
    }

    public static JsonObject of(LoadResult result, String version) {
        JsonObjectBuilder operations = JsonSupport.object();
        result.statistics().byOperation().forEach((op, stats) -> operations.add(op.label(), stats(stats, result)));
        JsonObjectBuilder b = JsonSupport.object()
                .add("tool", "keywarden-loadgen")
                .add("version", version)
                .add("javaVersion", System.getProperty("java.version"))
                .add("javaVm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"))
                .add("availableProcessors", Runtime.getRuntime().availableProcessors())
                .add("startedAt", result.startedAt().toString())
                .add("measuredFrom", result.measuredFrom().toString())
                .add("endedAt", result.endedAt().toString())
                .add("measuredSeconds", round(result.measuredSeconds()))
                .add("parameters", parameters(result.settings(), result.ledgerLines() >= 0))
                .add("setup", setup(result.setup()))
                .add("operations", operations)
                .add("overall", stats(result.statistics().overall(), result));
        if (result.ledgerLines() >= 0) {
            b.add("ledgerLines", result.ledgerLines());
        }
        return b.build();
    }

    private static JsonObjectBuilder parameters(LoadSettings s, boolean ledger) {
        JsonObjectBuilder mix = JsonSupport.object();
        for (Operation op : Operation.values()) {
            if (s.mix().weight(op) > 0) {
                mix.add(op.label(), s.mix().weight(op));
            }
        }
        JsonObjectBuilder b = JsonSupport.object()
                .add("server", s.server().toString())
                .add("devices", s.devices())
                .add("concurrency", s.concurrency());
        if (s.durationSeconds() > 0) {
            b.add("durationSeconds", s.durationSeconds());
        } else {
            b.add("requests", s.requests());
        }
        return b.add("rate", s.rate())
                .add("mix", mix)
                .add("volumesPerDevice", s.volumesPerDevice())
                .add("warmupSeconds", s.warmupSeconds())
                .add("timeoutSeconds", s.timeoutSeconds())
                .add("insecure", s.insecure())
                .add("initialKeys", s.initialKeys())
                .add("ledger", ledger);
    }

    private static JsonObjectBuilder setup(SetupResult setup) {
        return JsonSupport.object()
                .add("devicesRequested", setup.requested())
                .add("devicesEnrolled", setup.enrolled())
                .add("enrollErrors", counts(setup.enrollErrors()))
                .add("initialKeys", setup.initialKeys())
                .add("initialKeyErrors", counts(setup.initialKeyErrors()))
                .add("seconds", round(setup.seconds()))
                .add("failure", setup.failure().name());
    }

    private static JsonObjectBuilder stats(OperationStats stats, LoadResult result) {
        return JsonSupport.object()
                .add("count", stats.count())
                .add("errors", stats.errors())
                .add("errorsByCause", counts(stats.errorsByCause()))
                .add("answersByStatus", statuses(stats.answersByStatus()))
                .add("throughput", round(result.throughput(stats.count())))
                .add("successThroughput", round(result.throughput(stats.count() - stats.errors())))
                .add("latencyMs", latency(Percentiles.of(stats.latency())))
                .add("serviceTimeMs", latency(Percentiles.of(stats.serviceTime())));
    }

    private static JsonObjectBuilder latency(Percentiles p) {
        return JsonSupport.object()
                .add("samples", p.samples())
                .add("mean", round(p.mean()))
                .add("p50", round(p.p50()))
                .add("p90", round(p.p90()))
                .add("p99", round(p.p99()))
                .add("p99_9", round(p.p999()))
                .add("max", round(p.max()));
    }

    private static JsonObjectBuilder statuses(Map<Integer, Long> byStatus) {
        JsonObjectBuilder b = JsonSupport.object();
        new TreeMap<>(byStatus).forEach((status, n) -> b.add(String.valueOf(status), n));
        return b;
    }

    private static JsonObjectBuilder counts(Map<String, Long> byCause) {
        JsonObjectBuilder b = JsonSupport.object();
        new TreeMap<>(byCause).forEach(b::add);
        return b;
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
