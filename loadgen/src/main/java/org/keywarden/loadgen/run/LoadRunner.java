package org.keywarden.loadgen.run;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.keywarden.loadgen.http.DeviceEndpoints;
import org.keywarden.loadgen.ledger.Ledger;

/**
 * Runs a load: enroll the fleet, warm up, measure until the duration or request count is reached,
 * wait for the requests in flight (each has a timeout), and merge the workers' statistics.
 */
public final class LoadRunner {
    private final LoadSettings settings;
    private final DeviceEndpoints api;
    private final Ledger ledger;
    private final PrintWriter err;
    private final Writer timeline;

    /**
     * @param ledger where acknowledged escrows go, or {@code null}
     * @param err    for progress lines
     */
    public LoadRunner(LoadSettings settings, DeviceEndpoints api, Ledger ledger, PrintWriter err) {
        this(settings, api, ledger, err, null);
    }

    /**
     * @param timeline where one JSON line per second of answers by status goes (warm-up included), or
     *                 {@code null}; not closed here
     */
    public LoadRunner(LoadSettings settings, DeviceEndpoints api, Ledger ledger, PrintWriter err, Writer timeline) {
        this.settings = settings;
        this.api = api;
        this.ledger = ledger;
        this.err = err;
        this.timeline = timeline;
    }

    /**
     * @throws RuntimeException when a local error stopped the run (the ledger could not be written)
     */
    public LoadResult run() throws InterruptedException {
        Instant startedAt = Instant.now();
        String runTag = HexFormat.of().withUpperCase().toHexDigits((byte) ThreadLocalRandom.current().nextInt())
                + HexFormat.of().withUpperCase().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        DeviceFleet fleet = new DeviceFleet(runTag, 0);
        DeviceOperations operations = new DeviceOperations(api, settings.server().toString(),
                settings.enrollmentSecret(), settings.volumesPerDevice(), fleet, ledger);

        SetupResult setup = new FleetSetup(operations, fleet, settings.concurrency())
                .enroll(settings.devices(), settings.initialKeys());
        boolean runnable = setup.failure() == SetupResult.Failure.NONE
                && (!settings.mix().needsDevices() || setup.enrolled() > 0);
        if (!runnable) {
            Instant now = Instant.now();
            return new LoadResult(settings, setup, new RunStatistics(), startedAt, now, now, 0, ledgerLines());
        }

        Progress progress = new Progress();
        long start = System.nanoTime();
        Instant workersStartedAt = Instant.now();
        RunWindow window = new RunWindow(start, TimeUnit.SECONDS.toNanos(settings.warmupSeconds()),
                TimeUnit.SECONDS.toNanos(settings.durationSeconds()), settings.requests());
        long interval = settings.paced() ? Math.max(1, Math.round(settings.concurrency() * 1e9 / settings.rate())) : 0;
        List<Worker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < settings.concurrency(); i++) {
            Worker w = new Worker(window, operations, settings.mix(), progress, interval,
                    start + interval * i / settings.concurrency());
            Thread t = new Thread(w, "load-" + i);
            t.setDaemon(true);
            workers.add(w);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        Thread reporter = progress.report(err, window, settings.progressSeconds());
        Thread timelineWriter = timeline == null ? null : progress.timeline(timeline, window);
        try {
            for (Thread t : threads) {
                t.join();
            }
        } finally {
            if (reporter != null) {
                reporter.interrupt();
            }
            if (timelineWriter != null) {
                timelineWriter.interrupt();
                timelineWriter.join(5000);
            }
        }
        if (window.fatal() != null) {
            throw window.fatal();
        }
        RunStatistics merged = new RunStatistics();
        workers.forEach(w -> merged.add(w.statistics()));
        long end = merged.lastCompletionNanos() == Long.MIN_VALUE ? window.measureStartNanos()
                : merged.lastCompletionNanos();
        double measured = Math.max(0, (end - window.measureStartNanos()) / 1e9);
        Instant measuredFrom = workersStartedAt.plusSeconds(settings.warmupSeconds());
        return new LoadResult(settings, setup, merged, startedAt, measuredFrom, Instant.now(), measured,
                ledgerLines());
    }

    private long ledgerLines() {
        return ledger == null ? -1 : ledger.lines();
    }
}
