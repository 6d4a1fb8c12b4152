package io.liveupdate.ops;

import io.liveupdate.bayeux.BayeuxFigures;
import io.liveupdate.remote.RemoteFigures;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricFilter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Publishes the live figures ({@link MicroProfileFigures}) to the server's MicroProfile Metrics application registry
 * when the application starts, and withdraws them when it stops: Payara serves them at
 * {@code /metrics?scope=application} on its HTTP port. The Micrometer twin (WildFly) is {@link PrometheusMeters}.
 *
 * <p>Injected, not looked up: Payara's registry producer reads the injection point's scope annotation and fails
 * without one. WildFly 39 has no MicroProfile Metrics, so this class does not load there, and Weld skips it with
 * one line (WELD-000119, naming {@code MetricRegistry}); nothing else refers to it.
 *
 * <p>Whatever an earlier deployment left behind is removed before publishing: a gauge registered again under a
 * name the registry still holds would keep reading the old deployment's objects.
 */
@ApplicationScoped
public class MicroProfileMeters {

    private static final Logger LOG = Logger.getLogger(MicroProfileMeters.class.getName());
    private static final MetricFilter OURS = (id, metric) -> id.getName().startsWith(MicroProfileFigures.PREFIX);

    @Inject
    MetricRegistry registry;
    @Inject
    BayeuxFigures bayeux;
    @Inject
    RemoteFigures remote;
    @Inject
    OpsMetrics metrics;
    @Inject
    DoorbellHealth doorbell;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        int stale = registry.getMetrics(OURS).size();
        if (stale > 0) {
            withdraw();
            LOG.warning(() -> "Removed " + stale + " metrics an earlier deployment left in the MicroProfile Metrics registry");
        }
        new MicroProfileFigures(new SessionsView(bayeux, remote, metrics.bayeux()), new MessagesView(bayeux, metrics), doorbell, metrics)
                .register(registry);
        LOG.info(() -> "Live figures published to MicroProfile Metrics (scope " + registry.getScope() + "): "
                + registry.getMetrics(OURS).size() + " metrics");
    }

    @PreDestroy
    void withdraw() {
        registry.removeMatching(OURS);
    }
}
