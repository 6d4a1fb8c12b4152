package io.liveupdate.bayeux;

/**
 * What monitoring may read of the core's sessions, when it asks (a console, a scrape): counts only, never a session.
 * Nothing is kept up to date for these on the hot path; each call walks the live sessions, weakly consistent.
 * The server hands one out ({@link BayeuxServer#figures}); the core depends on nothing behind it.
 */
public interface BayeuxFigures {

    int sessions();

    /** Sessions whose events go to a push connection (a WebSocket) as they are queued. */
    int pushedSessions();

    /** Sessions whose events wait for their next {@code /meta/connect} (long-polling, JSONP). */
    int pollingSessions();

    /** Subscriptions of all sessions together. */
    long subscriptions();

    /** Messages waiting in all sessions' queues. */
    long queuedMessages();

    /** The longest queue of any session. */
    int largestQueue();

    /** How many messages one session's queue holds before the session is cut loose. */
    int queueBound();
}
