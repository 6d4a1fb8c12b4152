package io.liveupdate.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long the change log keeps changes for clients that were away, and whether appending rings the other nodes'
 * doorbell, from MicroProfile Config.
 */
@ApplicationScoped
public class ChangeLogSettings {

    @Inject
    @ConfigProperty(name = "liveupdate.changelog.max-age-minutes", defaultValue = "1440")
    long maxAgeMinutes;

    @Inject
    @ConfigProperty(name = "liveupdate.changelog.max-entries", defaultValue = "10000")
    long maxEntries;

    @Inject
    @ConfigProperty(name = "liveupdate.changelog.doorbell", defaultValue = "true")
    boolean doorbell;

    /** Changes older than this are trimmed; a client away longer is told to reload. */
    public Duration maxAge() {
        return Duration.ofMinutes(Math.max(1, maxAgeMinutes));
    }

    /** Changes kept per stream at most. */
    public long maxEntries() {
        return Math.max(1, maxEntries);
    }

    /**
     * Whether each appended change rings {@link ChangeLog#DOORBELL} on PostgreSQL. Off only for a deployment of one
     * node that wants no NOTIFY in its saving transactions: other nodes would then see a change only at their
     * periodic check, seconds later.
     */
    public boolean doorbell() {
        return doorbell;
    }
}
