package org.keywarden.loadgen.run;

import java.io.PrintWriter;
import java.util.concurrent.atomic.LongAdder;

/** Counts every request (warm-up included) and prints a progress line now and then. */
final class Progress {
    private final LongAdder requests = new LongAdder();
    private final LongAdder errors = new LongAdder();

    void completed(boolean error) {
        requests.increment();
        if (error) {
            errors.increment();
        }
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
}
