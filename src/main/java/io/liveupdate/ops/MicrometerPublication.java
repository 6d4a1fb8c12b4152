package io.liveupdate.ops;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.spi.BeanManager;
import java.util.List;
import java.util.logging.Logger;

/**
 * The live figures on the deployment's Micrometer registry, from {@link #publish} to {@link #withdraw}. The only
 * class that names Micrometer's types outside {@link LiveFigureMeters}; {@link PrometheusMeters} touches it only once
 * it has seen Micrometer's classes, so a server without them never loads it.
 *
 * <p>WildFly 39 never removes an application's meters when it is undeployed, and a later {@code gauge(..)} with the
 * same name and tags returns the old meter, still reading the old deployment's objects. So the meters are withdrawn
 * at stop, and any a previous deployment left behind (one that did not stop cleanly) are removed before publishing.
 */
final class MicrometerPublication {

    private static final Logger LOG = Logger.getLogger(MicrometerPublication.class.getName());

    private final MeterRegistry registry;
    /** Held strongly: the registry holds what its meters read only weakly. */
    private final LiveFigureMeters meters;

    private MicrometerPublication(MeterRegistry registry, LiveFigureMeters meters) {
        this.registry = registry;
        this.meters = meters;
    }

    /** Publishes {@code meters} to the registry the server provides, or returns null when it provides none. */
    static MicrometerPublication publish(BeanManager beans, LiveFigureMeters meters) {
        var registries = beans.createInstance().select(MeterRegistry.class);
        if (!registries.isResolvable()) return null;
        var publication = new MicrometerPublication(registries.get(), meters);
        int stale = publication.removeOurs();
        if (stale > 0) LOG.warning(() -> "Removed " + stale + " meters an earlier deployment left in the Micrometer registry");
        meters.register(publication.registry);
        LOG.info(() -> "Live figures published to Micrometer: " + publication.ours().size() + " meters");
        return publication;
    }

    void withdraw() {
        removeOurs();
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
