package io.liveupdate.ops;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Durations of one kind of operation: a count and mean over the whole run, and percentiles over the most recent
 * samples (a ring), so the console shows how it is doing now rather than since boot. Recording is lock-free and
 * allocates nothing; the cost is paid by whoever reads a {@link #snapshot()}.
 */
public final class LatencyRecorder {

    private final AtomicLongArray recent;
    private final AtomicLong next = new AtomicLong();
    private final LongAdder count = new LongAdder();
    private final LongAdder totalNanos = new LongAdder();

    /** @param window how many of the latest samples the percentiles are taken over */
    public LatencyRecorder(int window) {
        if (window < 1) throw new IllegalArgumentException("window must be at least 1");
        this.recent = new AtomicLongArray(window);
    }

    public void record(long nanos) {
        long slot = next.getAndIncrement();
        recent.set((int) (slot % recent.length()), nanos);
        count.increment();
        totalNanos.add(nanos);
    }

    /** Operations recorded since the application started. */
    long count() {
        return count.sum();
    }

    /** Their durations added up, for a Prometheus {@code _sum}; read without sorting the window. */
    long totalNanos() {
        return totalNanos.sum();
    }

    public LatencySnapshot snapshot() {
        int size = (int) Math.min(next.get(), recent.length());
        long[] sorted = new long[size];
        for (int i = 0; i < size; i++) sorted[i] = recent.get(i);
        Arrays.sort(sorted);
        long total = count.sum();
        double mean = total == 0 ? 0 : millis(totalNanos.sum()) / total;
        return new LatencySnapshot(total, mean, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                size == 0 ? 0 : millis(sorted[size - 1]));
    }

    /** Nearest rank: the smallest sample with at least {@code p}% of the samples at or below it. */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        int rank = (int) Math.ceil(p / 100 * sorted.length);
        return millis(sorted[Math.max(rank, 1) - 1]);
    }

    private static double millis(long nanos) {
        return nanos / (double) TimeUnit.MILLISECONDS.toNanos(1);
    }
}
