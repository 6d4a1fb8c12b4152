package io.liveupdate.ops;

/** Who is connected, as JConsole and the server's console show it: {@code io.liveupdate:type=Sessions,app=<context>}. */
public interface SessionsMXBean {

    /** Live Bayeux sessions, whatever their transport. */
    int getBayeuxSessions();

    /** Bayeux sessions whose events go out over a WebSocket. */
    int getWebSocketSessions();

    /** Bayeux sessions on long-polling or callback-polling (or between two connects). */
    int getLongPollingSessions();

    /** Open RemoteEvents ({@code /api/v1}) WebSockets. */
    int getRemoteEventsConnections();

    /** Channel and pattern subscriptions of all Bayeux sessions. */
    long getSubscriptions();

    long getSessionsOpened();

    long getSessionsClosed();

    /** Sessions ended because their queue was full (slow or absent clients). */
    long getSessionsCutLoose();
}
