package io.liveupdate.calendar.connector;

import io.liveupdate.lifecycle.RequestsDrained;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Graceful undeploy and shutdown for saves. WildFly drains requests only on a server {@code :suspend}; an undeploy
 * (or redeploy) stops the application under requests still running, and a save cut off there can commit and still
 * be answered 500, or lose its live publish. So the connector's requests are counted here, and when the web
 * application stops, its stop waits (at most {@code liveupdate.connector.drain-seconds}) until those in flight have
 * been answered, before CDI, JPA and the live endpoints go away. A request arriving meanwhile gets 503 with the
 * reason: the dataProcessor shows it as an error, and nothing of it is stored.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class InFlightSaves implements Filter {

    private static final Logger LOG = Logger.getLogger(InFlightSaves.class.getName());

    @Inject
    @ConfigProperty(name = "liveupdate.connector.drain-seconds", defaultValue = "10")
    long drainSeconds;

    @Inject
    Event<RequestsDrained> drained;

    private int inFlight;
    private boolean stopping;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        if (!enter()) {
            refuse((HttpServletResponse) response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            leave();
        }
    }

    /**
     * The application stops: no new request, and those in flight are waited for; then {@link RequestsDrained} lets
     * the live side write what they published before the sockets close.
     */
    @Override
    public void destroy() {
        int left = drain(TimeUnit.SECONDS.toNanos(drainSeconds));
        if (left > 0) LOG.warning(() -> left + " connector requests still running after " + drainSeconds + " s; stopping anyway");
        try {
            drained.fire(new RequestsDrained());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not flush the live connections before they close", e);
        }
    }

    private synchronized boolean enter() {
        if (stopping) return false;
        inFlight++;
        return true;
    }

    private synchronized void leave() {
        if (--inFlight == 0) notifyAll();
    }

    private synchronized int drain(long nanos) {
        stopping = true;
        long deadline = System.nanoTime() + nanos;
        try {
            for (long left = nanos; inFlight > 0 && left > 0; left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return inFlight;
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.getWriter().write("{\"action\":\"error\",\"status\":503,\"message\":\"the server is restarting; not saved, try again\"}");
    }
}
