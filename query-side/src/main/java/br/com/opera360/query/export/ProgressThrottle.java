package br.com.opera360.query.export;

import java.util.OptionalInt;
import java.util.function.LongSupplier;

/**
 * When an export reports its progress: once it moved at least {@value #MIN_STEP} points <em>and</em> at least
 * {@link #MIN_INTERVAL_NANOS one second} passed since the last report (whichever is rarer), so a small export sends
 * few events and a large one at most twenty. Never 100: that comes with the completion and its row count.
 */
final class ProgressThrottle {
    static final int MIN_STEP = 5;
    static final long MIN_INTERVAL_NANOS = 1_000_000_000L;

    private final long total;
    private final LongSupplier nanoTime;
    private int lastProgress;
    private long lastReport;

    ProgressThrottle(long total, LongSupplier nanoTime) {
        this.total = total;
        this.nanoTime = nanoTime;
        this.lastReport = nanoTime.getAsLong();
    }

    /** The progress to report after {@code written} rows, or empty when it is not yet time. */
    OptionalInt after(long written) {
        if (total <= 0) return OptionalInt.empty();
        int progress = (int) Math.min(99, written * 100 / total);
        if (progress < lastProgress + MIN_STEP) return OptionalInt.empty();
        long now = nanoTime.getAsLong();
        if (now - lastReport < MIN_INTERVAL_NANOS) return OptionalInt.empty();
        lastProgress = progress;
        lastReport = now;
        return OptionalInt.of(progress);
    }
}
