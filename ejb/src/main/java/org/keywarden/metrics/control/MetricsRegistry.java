package org.keywarden.metrics.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * This node's counters and latency histograms, since it started. A series is a family and its labels;
 * callers pass label values that name kinds (an endpoint template, an action, a status), never a device,
 * user or key. Prometheus adds up the nodes.
 */
@ApplicationScoped
public class MetricsRegistry {

    /** Upper bounds of the latency buckets, in seconds. */
    static final double[] BUCKETS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private final Map<Series, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<Series, Histogram> histograms = new ConcurrentHashMap<>();

    public void count(String family, String... labels) {
        counters.computeIfAbsent(new Series(family, labels(labels)), s -> new LongAdder()).increment();
    }

    /** Counts once the caller's transaction commits (nothing if it rolls back). */
    public void countAfterCommit(TransactionSynchronizationRegistry transaction, String family, String... labels) {
        Series series = new Series(family, labels(labels));
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    counters.computeIfAbsent(series, s -> new LongAdder()).increment();
                }
            }
        });
    }

    public void observe(String family, double seconds, String... labels) {
        histograms.computeIfAbsent(new Series(family, labels(labels)), s -> new Histogram()).observe(seconds);
    }

    /** Every counter and histogram, sorted by series. */
    void writeTo(PrometheusText text) {
        new TreeMap<>(counters).forEach((series, value) -> text.sample(series.family(), series.labels(), value.sum()));
        new TreeMap<>(histograms).forEach((series, histogram) -> histogram.writeTo(text, series));
    }

    private static String labels(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("labels come in name, value pairs");
        }
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            labels.append(i == 0 ? "" : ",").append(nameValuePairs[i]).append("=\"")
                    .append(PrometheusText.escape(nameValuePairs[i + 1])).append('"');
        }
        return labels.toString();
    }

    record Series(String family, String labels) implements Comparable<Series> {
        @Override
        public int compareTo(Series other) {
            int byFamily = family.compareTo(other.family);
            return byFamily != 0 ? byFamily : labels.compareTo(other.labels);
        }
    }

    /** Cumulative buckets, count and sum, as Prometheus histograms are. */
    static final class Histogram {
        private final LongAdder[] buckets = new LongAdder[BUCKETS.length];
        private final LongAdder count = new LongAdder();
        private final java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();

        Histogram() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(double seconds) {
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    buckets[i].increment();
                    break;
                }
            }
            count.increment();
            sum.add(seconds);
        }

        void writeTo(PrometheusText text, Series series) {
            String prefix = series.labels().isEmpty() ? "" : series.labels() + ",";
            long cumulative = 0;
            for (int i = 0; i < BUCKETS.length; i++) {
                cumulative += buckets[i].sum();
                text.sample(series.family() + "_bucket", prefix + "le=\"" + BUCKETS[i] + "\"", cumulative);
            }
            long total = count.sum();
            text.sample(series.family() + "_bucket", prefix + "le=\"+Inf\"", total);
            text.sample(series.family() + "_count", series.labels(), total);
            text.sample(series.family() + "_sum", series.labels(), sum.sum());
        }
    }
}
