package io.liveupdate.ops;

import io.liveupdate.bayeux.BayeuxFigures;
import io.liveupdate.remote.RemoteFigures;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Publishes the live figures ({@link LiveFigureMeters}) to the server's Micrometer registry when the application
 * starts, and withdraws them when it stops. WildFly's Micrometer subsystem ({@code server-config/wildfly-metrics.cli})
 * provides that registry and serves it to Prometheus on the management interface.
 *
 * <p>Optional: on a server without Micrometer's classes (Payara, a WildFly without the subsystem) or without a
 * registry to inject, it logs one line and does nothing. It names no Micrometer type itself, so every server loads
 * and scans it without a class-loading error.
 */
@ApplicationScoped
public class PrometheusMeters {

    private static final Logger LOG = Logger.getLogger(PrometheusMeters.class.getName());
    private static final String MICROMETER = "io.micrometer.core.instrument.MeterRegistry";

    @Inject
    BeanManager beans;
    @Inject
    BayeuxFigures bayeux;
    @Inject
    RemoteFigures remote;
    @Inject
    OpsMetrics metrics;
    @Inject
    DoorbellHealth doorbell;

    /** Null while nothing is published. */
    private MicrometerPublication publication;

    void start(@Observes @Initialized(ApplicationScoped.class) Object application) {
        if (micrometerPresent()) {
            var meters = new LiveFigureMeters(new SessionsView(bayeux, remote, metrics.bayeux()), new MessagesView(bayeux, metrics), doorbell, metrics);
            publication = MicrometerPublication.publish(beans, meters);
        }
        if (publication == null) {
            LOG.info("No Micrometer registry (WildFly's micrometer subsystem, server-config/wildfly-metrics.cli): the live figures are in the MXBeans only");
        }
    }

    @PreDestroy
    void stop() {
        if (publication != null) publication.withdraw();
        publication = null;
    }

    private static boolean micrometerPresent() {
        try {
            Class.forName(MICROMETER, false, PrometheusMeters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
