package io.liveupdate.ops;

import io.liveupdate.bayeux.BayeuxMetrics;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Counts what the Bayeux core reports and writes one log line per session event. Called on the publish path, so
 * nothing here locks or allocates per message. Session ids are shortened in the log: a clientId is all a client
 * needs to act as that session, so the full one is never written.
 */
public final class BayeuxCounters implements BayeuxMetrics {

    private static final Logger LOG = Logger.getLogger(BayeuxCounters.class.getName());
    private static final int LOGGED_ID_CHARS = 8;
    /** The log field (JSON logs' {@code mdc.session}) with the shortened id. */
    static final String SESSION_FIELD = "session";

    final LongAdder opened = new LongAdder();
    final LongAdder closed = new LongAdder();
    final LongAdder cutLoose = new LongAdder();
    final LongAdder received = new LongAdder();
    final LongAdder delivered = new LongAdder();
    final LongAdder dropped = new LongAdder();

    @Override
    public void sessionOpened(String clientId) {
        opened.increment();
        LogFields.with(SESSION_FIELD, shortId(clientId), () -> LOG.info(() -> "Bayeux session " + shortId(clientId) + " opened"));
    }

    @Override
    public void sessionClosed(String clientId, boolean gracefully) {
        closed.increment();
        LogFields.with(SESSION_FIELD, shortId(clientId),
                () -> LOG.info(() -> "Bayeux session " + shortId(clientId) + (gracefully ? " disconnected" : " ended (timed out or cut loose)")));
    }

    @Override
    public void sessionCutLoose(String clientId, int droppedMessages) {
        cutLoose.increment();
        dropped.add(droppedMessages);
        LogFields.with(SESSION_FIELD, shortId(clientId), () -> LOG.warning(() -> "Bayeux session " + shortId(clientId)
                + " cut loose: its queue was full, " + droppedMessages + " messages dropped; the client is told to handshake again"));
    }

    @Override
    public void received(int messages) {
        received.add(messages);
    }

    @Override
    public void delivered(int messages) {
        delivered.add(messages);
    }

    static String shortId(String id) {
        return id.length() <= LOGGED_ID_CHARS ? id : id.substring(0, LOGGED_ID_CHARS) + "…";
    }
}
