package io.liveupdate.bench;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in buckets 1 % wide (from 1 µs to over 100 s), recorded concurrently by every receiving thread
 * without locks. 1 % is finer than run-to-run noise, and a fixed array costs nothing per sample.
 */
final class LatencyHistogram {

    private static final double STEP = Math.log(1.01);
    private static final int BUCKETS = 2000;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);

    void record(long nanos) {
        double micros = Math.max(1.0, nanos / 1000.0);
        int bucket = (int) Math.min(BUCKETS - 1, Math.log(micros) / STEP);
        counts.incrementAndGet(bucket);
    }

    long count() {
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) total += counts.get(i);
        return total;
    }

    /** The latency in milliseconds below which {@code fraction} of the samples lie; NaN without samples. */
    double percentileMillis(double fraction) {
        long total = count();
        if (total == 0) return Double.NaN;
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= Math.max(1, rank)) return Math.exp((i + 1) * STEP) / 1000.0;
        }
        return Double.NaN;
    }
}
