package io.liveupdate.bayeux.transport;

import io.liveupdate.bayeux.BayeuxServer;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Stops the Bayeux server when the web application stops (undeploy, redeploy, shutdown), after the connector has
 * drained its saves and while sockets and held long-polls can still be answered: every held connect then gets
 * {@code reconnect:"handshake"} and what its session had queued. The CDI disposer would run later, when the
 * transports are already gone.
 */
@WebListener
public class StopWithTheWebApplication implements ServletContextListener {

    @Inject
    BayeuxServer bayeux;

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        bayeux.stop();
    }
}
