package io.liveupdate.ops;

import io.liveupdate.bayeux.BayeuxMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The application's counters and latencies, one set per deployment. The members are plain objects, so the Bayeux
 * core and the timers call them directly rather than through a CDI proxy.
 */
@ApplicationScoped
public class OpsMetrics {

    /** Percentiles are taken over this many latest operations. */
    static final int LATENCY_WINDOW = 1024;
    /** Rates span this many one-second samples. */
    static final int RATE_SAMPLES = 11;

    private final BayeuxCounters bayeux = new BayeuxCounters();
    private final LatencyRecorder save = new LatencyRecorder(LATENCY_WINDOW);
    private final LatencyRecorder broadcast = new LatencyRecorder(LATENCY_WINDOW);
    private final RateWindow receivedRate = new RateWindow(RATE_SAMPLES);
    private final RateWindow deliveredRate = new RateWindow(RATE_SAMPLES);

    public BayeuxCounters bayeux() {
        return bayeux;
    }

    /** The core's hook, for the Bayeux server to be made with: the plain object, no CDI proxy on its hot path. */
    @Produces
    BayeuxMetrics bayeuxMetrics() {
        return bayeux;
    }

    /** A save request through the connector: from its arrival to its answer. */
    public LatencyRecorder save() {
        return save;
    }

    /** A committed change: from the commit to its messages being queued for every subscriber. */
    public LatencyRecorder broadcast() {
        return broadcast;
    }

    RateWindow receivedRate() {
        return receivedRate;
    }

    RateWindow deliveredRate() {
        return deliveredRate;
    }

    /** Called once a second. */
    void sampleRates(long nowMillis) {
        receivedRate.sample(nowMillis, bayeux.received.sum());
        deliveredRate.sample(nowMillis, bayeux.delivered.sum());
    }
}
