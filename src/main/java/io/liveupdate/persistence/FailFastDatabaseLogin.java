package io.liveupdate.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink, on a read that fails because the connection died, reconnects and retries up to three times, five
 * seconds apart: during a database outage every save that reads first (an update, a delete) would hang for
 * about ten seconds before its error. The datasource already drops dead connections and hands out fresh ones
 * (server-config/), so one quick retry covers a connection that died in the pool, and an outage answers at once.
 * Registered in persistence.xml as {@code eclipselink.session.customizer}.
 */
public class FailFastDatabaseLogin implements SessionCustomizer {

    static final int RETRIES = 1;
    static final int RETRY_DELAY_MILLIS = 100;

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(RETRIES);
            login.setDelayBetweenConnectionAttempts(RETRY_DELAY_MILLIS);
        }
    }
}
