package io.liveupdate.bench;

/**
 * The measured part of a run: server and client CPU/RSS, deliveries and time between {@link #start} and
 * {@link #stop}, so warm-up, connecting and draining stay out of the rates.
 */
final class Measurement {

    private final long serverPid;
    private final Deliveries deliveries;
    private ProcessStats serverBefore, serverAfter, clientBefore, clientAfter;
    private long deliveredBefore, deliveredAfter, publishedBefore, publishedAfter, startNanos, stopNanos;

    Measurement(long serverPid, Deliveries deliveries) {
        this.serverPid = serverPid;
        this.deliveries = deliveries;
    }

    void start(long published) {
        deliveries.measureFrom(published);
        publishedBefore = published;
        deliveredBefore = deliveries.delivered();
        serverBefore = ProcessStats.of(serverPid);
        clientBefore = ProcessStats.self();
        startNanos = System.nanoTime();
    }

    void stop(long published) {
        stopNanos = System.nanoTime();
        publishedAfter = published;
        deliveredAfter = deliveries.delivered();
        serverAfter = ProcessStats.of(serverPid);
        clientAfter = ProcessStats.self();
    }

    boolean started() {
        return startNanos != 0;
    }

    /** Adds the rates, latency and resource figures of the measured interval to the report. */
    void into(Report report) {
        double seconds = (stopNanos - startNanos) / 1e9;
        long delivered = deliveredAfter - deliveredBefore;
        report.put("seconds", Report.round(seconds))
                .put("published_per_s", Report.round((publishedAfter - publishedBefore) / seconds))
                .put("deliveries_per_s", Report.round(delivered / seconds))
                .latency(deliveries.latency())
                .server(serverBefore, serverAfter, delivered, seconds)
                .client(clientBefore, clientAfter, seconds);
    }
}
