package io.liveupdate.ops;

import io.liveupdate.stream.ChangeFeed;
import io.liveupdate.stream.ListenerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Logger;

/**
 * Whether this node hears other nodes' changes: down once the doorbell listener has been without a connection for
 * longer than {@code liveupdate.ops.doorbell-grace-seconds}, or has stopped checking; a node in that state would
 * look healthy while its pages miss every change committed elsewhere. Logs one line with the reason when it goes
 * down and one when it is back; callers see only the state.
 */
@ApplicationScoped
public class DoorbellHealth {

    private static final Logger LOG = Logger.getLogger(DoorbellHealth.class.getName());

    @Inject
    ChangeFeed feed;
    @Inject
    OpsSettings settings;

    private final AtomicReference<Boolean> lastUp = new AtomicReference<>();

    /** The listener's status now, and whether it counts as up. */
    public Look check() {
        ListenerStatus status = feed.status();
        Instant now = Instant.now();
        boolean up = status.healthy(now, Duration.ofSeconds(settings.doorbellGraceSeconds()));
        Boolean before = lastUp.getAndSet(up);
        if (!up && !Boolean.FALSE.equals(before)) {
            LOG.severe(() -> "Doorbell listener down (" + status.mode() + " since " + status.since() + "): "
                    + (status.problem() != null ? status.problem() : "no successful check since " + status.lastCheck())
                    + "; this node does not hear other nodes' changes");
        }
        if (up && Boolean.FALSE.equals(before)) LOG.info("Doorbell listener back");
        return new Look(up, status, now);
    }

    /** One look: {@code now} is when it was taken, for the ages the callers show. */
    public record Look(boolean up, ListenerStatus status, Instant now) {

        /** The state as callers see it: {@code connected}, {@code reconnecting}, ... */
        public String state() {
            return status.mode().name().toLowerCase().replace('_', ' ');
        }

        public long secondsInState() {
            return Math.max(0, Duration.between(status.since(), now).toSeconds());
        }
    }
}
