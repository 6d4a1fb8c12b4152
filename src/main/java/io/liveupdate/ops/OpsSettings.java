package io.liveupdate.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The health check's settings, from the server's MicroProfile Config. */
@ApplicationScoped
public class OpsSettings {

    @Inject
    @ConfigProperty(name = "liveupdate.ops.health-timeout-seconds", defaultValue = "2")
    int healthTimeoutSeconds;

    @Inject
    @ConfigProperty(name = "liveupdate.ops.doorbell-grace-seconds", defaultValue = "5")
    int doorbellGraceSeconds;

    /** How long the doorbell listener may be without a connection before the node reports itself down. */
    public int doorbellGraceSeconds() {
        return doorbellGraceSeconds;
    }

    public int healthTimeoutSeconds() {
        return healthTimeoutSeconds;
    }
}
