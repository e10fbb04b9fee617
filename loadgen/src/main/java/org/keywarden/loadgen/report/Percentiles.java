package org.keywarden.loadgen.report;

import org.HdrHistogram.Histogram;

/**
 * Latency figures in milliseconds from a histogram recorded in microseconds; all 0 when empty.
 */
public record Percentiles(long samples, double mean, double p50, double p90, double p99, double p999, double max) {

    public static Percentiles of(Histogram micros) {
        if (micros.getTotalCount() == 0) {
            return new Percentiles(0, 0, 0, 0, 0, 0, 0);
        }
        return new Percentiles(micros.getTotalCount(), micros.getMean() / 1000.0,
                ms(micros.getValueAtPercentile(50.0)), ms(micros.getValueAtPercentile(90.0)),
                ms(micros.getValueAtPercentile(99.0)), ms(micros.getValueAtPercentile(99.9)),
                ms(micros.getMaxValue()));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }
}
