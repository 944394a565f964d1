package org.socialsuite.benchmark.report;

import java.util.Arrays;

/** Latency percentiles of a sample, in milliseconds. */
public record Percentiles(int samples, double p50, double p95, double p99, double max) {

    public static Percentiles ofNanos(long[] nanos) {
        if (nanos.length == 0) {
            return new Percentiles(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Percentiles(
                sorted.length,
                millis(rank(sorted, 0.50)),
                millis(rank(sorted, 0.95)),
                millis(rank(sorted, 0.99)),
                millis(sorted[sorted.length - 1]));
    }

    /** The nearest-rank percentile. */
    private static long rank(long[] sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }
}
