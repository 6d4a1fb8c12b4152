package io.liveupdate.bayeux.transport;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.lifecycle.RequestsDrained;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * When the application stops, lets every WebSocket write what the last saves published before the container closes
 * it: a change committed just before an undeploy is otherwise still in its session's queue (or handed to the
 * socket's I/O thread) when Undertow closes the socket, and a plain Faye client never sees it.
 */
@ApplicationScoped
class FlushSocketsBeforeTheyClose {

    private static final Logger LOG = Logger.getLogger(FlushSocketsBeforeTheyClose.class.getName());
    /** Long enough for a socket that reads to take a few frames; a stalled one is not waited for longer. */
    static final long FLUSH_MILLIS = 2_000;

    @Inject
    BayeuxServer bayeux;

    void flush(@Observes RequestsDrained drained) {
        try {
            int writing = bayeux.awaitSocketsFlushed(0);
            if (writing == 0) {
                LOG.info("Stopping: every WebSocket has written what it was sent");
                return;
            }
            long start = System.nanoTime();
            int unflushed = bayeux.awaitSocketsFlushed(FLUSH_MILLIS);
            long waited = (System.nanoTime() - start) / 1_000_000;
            if (unflushed > 0) {
                LOG.warning(() -> "Stopping: " + unflushed + " of " + writing + " WebSocket sessions still had messages to write after " + waited + " ms; closing anyway");
            } else {
                LOG.info(() -> "Stopping: " + writing + " WebSocket sessions wrote their last messages before closing (" + waited + " ms)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
