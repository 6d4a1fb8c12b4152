package io.liveupdate.ops;

import io.liveupdate.bayeux.BayeuxServer;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** At startup, hands the Bayeux core its counters and starts sampling the message rates once a second. */
@ApplicationScoped
public class OpsSetup {

    @Inject
    BayeuxServer bayeux;
    @Inject
    OpsMetrics metrics;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sampling;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        bayeux.setMetrics(metrics.bayeux());
        sampling = scheduler.scheduleAtFixedRate(() -> metrics.sampleRates(System.currentTimeMillis()), 0, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sampling != null) sampling.cancel(false);
    }
}
