package io.liveupdate.ops;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** At startup, starts sampling the message rates once a second (the Bayeux server is made with its counters: OpsMetrics). */
@ApplicationScoped
public class OpsSetup {

    @Inject
    OpsMetrics metrics;
    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> sampling;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        sampling = scheduler.scheduleAtFixedRate(() -> metrics.sampleRates(System.currentTimeMillis()), 0, 1, TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        if (sampling != null) sampling.cancel(false);
    }
}
