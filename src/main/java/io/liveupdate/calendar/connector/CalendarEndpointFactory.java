package io.liveupdate.calendar.connector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Hands the JAX-RS sub-resource of one calendar the services it needs. */
@ApplicationScoped
public class CalendarEndpointFactory {

    @Inject
    EventLoader loader;
    @Inject
    SaveProcessor saves;
    @Inject
    ConnectorSettings settings;

    CalendarEndpoint forCalendar(String calendar) {
        return new CalendarEndpoint(calendar, loader, saves, settings);
    }
}
