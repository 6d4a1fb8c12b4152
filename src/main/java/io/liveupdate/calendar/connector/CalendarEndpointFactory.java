package io.liveupdate.calendar.connector;

import io.liveupdate.connector.ConnectorSettings;
import io.liveupdate.security.AccessControl;
import io.liveupdate.security.CsrfKeys;
import io.liveupdate.security.SaveGate;
import io.liveupdate.security.SecuritySettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** Hands the JAX-RS sub-resource of one calendar the services it needs. */
@ApplicationScoped
public class CalendarEndpointFactory {

    @Inject
    EventLoader loader;
    @Inject
    SaveProcessor saves;
    @Inject
    ConnectorSettings settings;
    @Inject
    AccessControl access;
    @Inject
    SecuritySettings security;
    @Inject
    CsrfKeys csrfKeys;

    CalendarEndpoint forCalendar(String calendar) {
        return new CalendarEndpoint(calendar, loader, saves, settings, new SaveGate(access, access.currentCaller(), calendar,
                security.csrf() ? Optional.of(csrfKeys) : Optional.empty()));
    }
}
