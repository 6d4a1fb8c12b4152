package io.liveupdate.connector;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * JAX-RS under /api: the calendars' connector (/api/events, /api/calendars/{calendar}/events), the charts'
 * (/api/gantts/{name}), RemoteEvents' handshake (/api/v1) and the health checks (/api/health).
 */
@ApplicationPath("/api")
public class ConnectorApplication extends Application {
}
