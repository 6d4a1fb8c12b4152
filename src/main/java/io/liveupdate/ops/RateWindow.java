package io.liveupdate.ops;

/**
 * A per-second rate of an ever-growing total (a counter), over a sliding window of samples. The counter stays a
 * plain {@code LongAdder} on the hot path; a scheduled task calls {@link #sample} once a second, and readers get
 * the rate over the window's span. Thread-safe.
 */
public final class RateWindow {

    private final long[] times;
    private final long[] totals;
    private int newest = -1;
    private int size;

    /** @param samples how many samples the window keeps; the rate spans the oldest to the newest */
    public RateWindow(int samples) {
        if (samples < 2) throw new IllegalArgumentException("a rate needs at least two samples");
        times = new long[samples];
        totals = new long[samples];
    }

    public synchronized void sample(long nowMillis, long total) {
        newest = (newest + 1) % times.length;
        times[newest] = nowMillis;
        totals[newest] = total;
        size = Math.min(size + 1, times.length);
    }

    /** Per second between the oldest and the newest sample; 0 until there are two samples apart in time. */
    public synchronized double perSecond() {
        if (size < 2) return 0;
        int oldest = (newest - size + 1 + times.length) % times.length;
        long elapsed = times[newest] - times[oldest];
        return elapsed <= 0 ? 0 : (totals[newest] - totals[oldest]) * 1000.0 / elapsed;
    }
}
