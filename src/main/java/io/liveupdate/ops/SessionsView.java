package io.liveupdate.ops;

import io.liveupdate.bayeux.BayeuxFigures;
import io.liveupdate.remote.RemoteFigures;

/** Reads the session figures when the console asks; nothing is maintained for them on the hot path. */
final class SessionsView implements SessionsMXBean {

    private final BayeuxFigures bayeux;
    private final RemoteFigures remote;
    private final BayeuxCounters counters;

    SessionsView(BayeuxFigures bayeux, RemoteFigures remote, BayeuxCounters counters) {
        this.bayeux = bayeux;
        this.remote = remote;
        this.counters = counters;
    }

    @Override
    public int getBayeuxSessions() {
        return bayeux.sessions();
    }

    @Override
    public int getWebSocketSessions() {
        return bayeux.pushedSessions();
    }

    @Override
    public int getLongPollingSessions() {
        return bayeux.pollingSessions();
    }

    @Override
    public int getRemoteEventsConnections() {
        return remote.connectionCount();
    }

    @Override
    public long getSubscriptions() {
        return bayeux.subscriptions();
    }

    @Override
    public long getSessionsOpened() {
        return counters.opened.sum();
    }

    @Override
    public long getSessionsClosed() {
        return counters.closed.sum();
    }

    @Override
    public long getSessionsCutLoose() {
        return counters.cutLoose.sum();
    }
}
