package io.liveupdate.calendar.connector;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS under /api: /api/events (calendar "default") and /api/calendars/{calendar}/events. */
@ApplicationPath("/api")
public class ConnectorApplication extends Application {
}
