package io.liveupdate.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** The doorbell listener on the server's MicroProfile Health endpoint, as {@link DatabaseReadiness} is the database. */
@Readiness
@ApplicationScoped
public class DoorbellReadiness implements HealthCheck {

    @Inject
    DoorbellHealth doorbell;

    @Override
    public HealthCheckResponse call() {
        DoorbellHealth.Look look = doorbell.check();
        return HealthCheckResponse.named("live-update-doorbell").status(look.up()).withData("state", look.state())
                .withData("lag", look.status().lag()).build();
    }
}
