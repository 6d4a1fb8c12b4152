package io.liveupdate.ops;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.live.remote.RemoteRegistry;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Logger;

/**
 * Publishes the live figures ({@link LiveFigureMeters}) to the server's Micrometer registry when the application
 * starts, and takes them off when it stops. WildFly's Micrometer subsystem ({@code server-config/wildfly-metrics.cli})
 * provides that registry and serves it to Prometheus on the management interface.
 *
 * <p>Optional both ways: on a server without Micrometer (Payara, a WildFly without the subsystem) this class cannot
 * load and the container skips it (WELD-000119), and with the classes visible but no registry to inject it logs one
 * line and does nothing.
 *
 * <p>WildFly 39 never removes an application's meters when it is undeployed, and a later {@code gauge(..)} with the
 * same name and tags returns the old meter, still reading the old deployment's objects. So meters are removed here
 * at stop, and any a previous deployment left behind (one that did not stop cleanly) are removed before registering.
 */
@ApplicationScoped
public class PrometheusMeters {

    private static final Logger LOG = Logger.getLogger(PrometheusMeters.class.getName());

    @Inject
    Instance<MeterRegistry> registries;
    @Inject
    BayeuxServer bayeux;
    @Inject
    RemoteRegistry remote;
    @Inject
    OpsMetrics metrics;
    @Inject
    DoorbellHealth doorbell;

    private MeterRegistry registry;
    /** Held strongly: the registry holds what its gauges read only weakly. */
    private LiveFigureMeters meters;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        if (!registries.isResolvable()) {
            LOG.info("No Micrometer registry to publish to (WildFly's micrometer subsystem is not configured); the live figures are in the MXBeans only");
            return;
        }
        registry = registries.get();
        int stale = removeOurs();
        if (stale > 0) LOG.warning(() -> "Removed " + stale + " meters an earlier deployment left in the Micrometer registry");
        meters = new LiveFigureMeters(new SessionsView(bayeux, remote, metrics.bayeux()), new MessagesView(bayeux, metrics), doorbell, metrics);
        meters.register(registry);
        LOG.info(() -> "Live figures published to Micrometer: " + ours().size() + " meters");
    }

    @PreDestroy
    void stop() {
        if (registry == null) return;
        removeOurs();
        meters = null;
    }

    /** This deployment's meters: WildFly's registry lists only those tagged with this deployment's name. */
    private List<Meter> ours() {
        return registry.getMeters().stream().filter(m -> m.getId().getName().startsWith(LiveFigureMeters.PREFIX)).toList();
    }

    private int removeOurs() {
        List<Meter> ours = ours();
        ours.forEach(registry::remove);
        return ours.size();
    }
}
