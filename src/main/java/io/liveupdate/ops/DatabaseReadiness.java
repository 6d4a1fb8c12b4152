package io.liveupdate.ops;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The database check on the server's own MicroProfile Health endpoint ({@code /health/ready} on WildFly's management
 * port once {@code wildfly-ops.cli} added the subsystem; Payara's MicroProfile Health service): not ready while the database
 * does not answer, so a server-level probe sees what {@code /api/health} sees. On a server without MicroProfile
 * Health this class is simply not loaded.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    DatabaseHealth database;

    @Override
    public HealthCheckResponse call() {
        DatabaseStatus status = database.check();
        return HealthCheckResponse.named("live-update-database").status(status.up()).withData("millis", status.millis()).build();
    }
}
