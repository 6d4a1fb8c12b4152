package io.liveupdate.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How long the change log keeps changes for clients that were away, from MicroProfile Config. */
@ApplicationScoped
public class ChangeLogSettings {

    @Inject
    @ConfigProperty(name = "liveupdate.changelog.max-age-minutes", defaultValue = "1440")
    long maxAgeMinutes;

    @Inject
    @ConfigProperty(name = "liveupdate.changelog.max-entries", defaultValue = "10000")
    long maxEntries;

    /** Changes older than this are trimmed; a client away longer is told to reload. */
    public Duration maxAge() {
        return Duration.ofMinutes(Math.max(1, maxAgeMinutes));
    }

    /** Changes kept per stream at most. */
    public long maxEntries() {
        return Math.max(1, maxEntries);
    }
}
