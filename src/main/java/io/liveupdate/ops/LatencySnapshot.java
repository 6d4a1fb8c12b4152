package io.liveupdate.ops;

/**
 * A {@link LatencyRecorder}'s figures at one moment, in milliseconds.
 *
 * @param count operations recorded since the application started
 * @param meanMillis mean over all of them
 * @param p50Millis median of the recent window
 * @param p95Millis 95th percentile of the recent window
 * @param p99Millis 99th percentile of the recent window
 * @param maxMillis slowest of the recent window
 */
public record LatencySnapshot(long count, double meanMillis, double p50Millis, double p95Millis, double p99Millis, double maxMillis) {
}
