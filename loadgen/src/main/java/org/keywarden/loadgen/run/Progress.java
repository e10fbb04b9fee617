package org.keywarden.loadgen.run;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.keywarden.loadgen.http.JsonSupport;

/**
 * Counts every request (warm-up included), prints a progress line now and then, and optionally
 * writes a timeline: one JSON line per second with the answers of that second by HTTP status (and
 * the requests without an answer by exception class), for example
 * {@code {"at":"2025-01-01T10:00:05Z","second":5,"answers":{"201":80,"503":12},"noAnswer":{}}}.
 */
final class Progress {
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final Map<String, LongAdder> byKey = new ConcurrentHashMap<>();

    void completed(Outcome outcome, boolean error) {
        requests.increment();
        if (error) {
            errors.increment();
        }
        String key = outcome.answered() ? Integer.toString(outcome.status()) : "!" + outcome.cause();
        byKey.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    /**
     * Starts a daemon thread printing one line every {@code seconds} until interrupted.
     *
     * @return the thread, or {@code null} when {@code seconds} is 0
     */
    Thread report(PrintWriter err, RunWindow window, int seconds) {
        if (seconds <= 0) {
            return null;
        }
        Thread t = new Thread(() -> {
            long lastCount = 0;
            long lastErrors = 0;
            long lastNanos = System.nanoTime();
            try {
                while (true) {
                    Thread.sleep(seconds * 1000L);
                    long now = System.nanoTime();
                    long count = requests.sum();
                    long errs = errors.sum();
                    double rate = (count - lastCount) / ((now - lastNanos) / 1e9);
                    err.printf("[%5.0f s] %s %,d requests, %,.0f req/s, %,d errors%n",
                            (now - window.startNanos()) / 1e9, window.measuring(now) ? "measuring" : "warming up",
                            count, rate, errs - lastErrors);
                    err.flush();
                    lastCount = count;
                    lastErrors = errs;
                    lastNanos = now;
                }
            } catch (InterruptedException e) {
                // done
            }
        }, "progress");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * Starts a thread writing one timeline line to {@code out} every second, and a last one for the
     * rest when interrupted (join it before closing {@code out}).
     */
    Thread timeline(Writer out, RunWindow window) {
        Thread t = new Thread(() -> {
            Map<String, Long> last = Map.of();
            long second = 0;
            boolean running = true;
            while (running) {
                try {
                    Thread.sleep(1000L);
                } catch (InterruptedException e) {
                    running = false;
                }
                second = Math.round((System.nanoTime() - window.startNanos()) / 1e9);
                Map<String, Long> now = snapshot();
                try {
                    out.write(line(second, last, now));
                    out.flush();
                } catch (IOException e) {
                    window.abort(new UncheckedIOException("cannot write the timeline", e));
                    return;
                }
                last = now;
            }
        }, "timeline");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private Map<String, Long> snapshot() {
        Map<String, Long> m = new TreeMap<>();
        byKey.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    private static String line(long second, Map<String, Long> before, Map<String, Long> now) {
        var answers = JsonSupport.object();
        var noAnswer = JsonSupport.object();
        now.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d > 0) {
                if (k.startsWith("!")) {
                    noAnswer.add(k.substring(1), d);
                } else {
                    answers.add(k, d);
                }
            }
        });
        return String.format(Locale.ROOT, "%s%n", JsonSupport.compact(JsonSupport.object()
                .add("at", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString())
                .add("second", second)
                .add("answers", answers)
                .add("noAnswer", noAnswer)
                .build()));
    }
}
