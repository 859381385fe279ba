package br.com.opera360.bench;

import java.util.Arrays;

/** Timings of a benchmark's requests, in nanoseconds: nearest-rank percentiles, mean, milliseconds for reports. */
final class Latencies {
    private final long[] sorted;

    private Latencies(long[] sorted) {
        this.sorted = sorted;
    }

    static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted);
    }

    /** The nearest-rank percentile: the smallest sample with at least {@code p} % of the samples at or below it. */
    long percentile(double p) {
        return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
    }

    double percentileMs(double p) {
        return ms(percentile(p));
    }

    double mean() {
        return Arrays.stream(sorted).average().orElseThrow();
    }

    double meanMs() {
        return mean() / 1e6;
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Seconds since {@code startNanos} ({@link System#nanoTime()}). */
    static double secondsSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
