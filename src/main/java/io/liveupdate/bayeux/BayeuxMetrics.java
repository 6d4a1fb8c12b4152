package io.liveupdate.bayeux;

/**
 * What the core tells an observer about its traffic, for counters and log lines. The core calls these on its hot
 * paths (every incoming batch, every fan-out), so an implementation must be cheap and must not block: a
 * {@code LongAdder}, no locks, no allocation per message. Every method has a no-op default, and {@link #NONE} is
 * what the server uses until {@link BayeuxServer#setMetrics} is called.
 *
 * <p>The core depends on nothing behind this interface; whoever counts (JMX, a log) lives outside it, and is told
 * clientIds, never handed a session. The application's counters are a CDI bean of this type, which the server is
 * given when it is made ({@code bayeux.transport.BayeuxServerProducer}).
 */
public interface BayeuxMetrics {

    BayeuxMetrics NONE = new BayeuxMetrics() {
    };

    /** A client handshook; the session with this clientId is new. */
    default void sessionOpened(String clientId) {
    }

    /**
     * A session ended.
     *
     * @param gracefully true for a {@code /meta/disconnect} or a server stop; false when it expired or was cut loose
     */
    default void sessionClosed(String clientId, boolean gracefully) {
    }

    /**
     * A session's queue was full, so the session is about to be ended (see {@link ServerSession}).
     *
     * @param droppedMessages the waiting messages it loses, the one that did not fit included
     */
    default void sessionCutLoose(String clientId, int droppedMessages) {
    }

    /** A transport handed the core a batch of this many messages. */
    default void received(int messages) {
    }

    /** One publish was queued for this many sessions. */
    default void delivered(int messages) {
    }
}
