package io.liveupdate.bayeux.transport;

import io.liveupdate.bayeux.Bayeux;
import io.liveupdate.bayeux.BayeuxFigures;
import io.liveupdate.bayeux.BayeuxMetrics;
import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.BayeuxSettings;
import io.liveupdate.bayeux.Scheduler;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one Bayeux server of the application, on the app server's managed scheduler (no raw threads), with its
 * settings from MicroProfile Config and the application's metrics hook.
 */
@ApplicationScoped
public class BayeuxServerProducer {

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "liveupdate.bayeux.timeout-ms", defaultValue = "30000")
    long timeoutMillis;

    @Inject
    @ConfigProperty(name = "liveupdate.bayeux.max-interval-ms", defaultValue = "30000")
    long maxIntervalMillis;

    @Inject
    @ConfigProperty(name = "liveupdate.bayeux.max-queue", defaultValue = "1000")
    int maxQueue;

    @Inject
    TransportSettings transports;

    /** The application's counters (ops), when deployed with it; none in a WAR without them. */
    @Inject
    Instance<BayeuxMetrics> metrics;

    @Produces
    @ApplicationScoped
    BayeuxServer bayeuxServer() {
        var settings = withoutJsonpUnlessEnabled(BayeuxSettings.defaults()
                .withTimeout(timeoutMillis)
                .withMaxInterval(maxIntervalMillis)
                .withMaxQueue(maxQueue));
        var server = new BayeuxServer(settings, Scheduler.of(scheduler));
        if (metrics.isResolvable()) server.setMetrics(metrics.get()); // before the first client can handshake
        server.start();
        return server;
    }

    /** What monitoring reads of the sessions (ops), instead of the server itself. */
    @Produces
    BayeuxFigures figures(BayeuxServer server) {
        return server.figures();
    }

    /** A handshake advertises callback-polling only when it is served, so no client picks a transport that is refused. */
    private BayeuxSettings withoutJsonpUnlessEnabled(BayeuxSettings settings) {
        if (transports.jsonp()) return settings;
        var types = settings.connectionTypes().stream().filter(type -> !type.equals(Bayeux.CALLBACK_POLLING)).toList();
        return new BayeuxSettings(settings.timeoutMillis(), settings.intervalMillis(), settings.maxIntervalMillis(),
                settings.sweepPeriodMillis(), settings.maxQueue(), types, settings.broadcastToPublisher());
    }

    void stop(@Disposes BayeuxServer server) {
        server.stop();
    }
}
