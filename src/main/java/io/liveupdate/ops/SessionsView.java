package io.liveupdate.ops;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.live.remote.RemoteRegistry;

/** Reads the session figures when the console asks; nothing is maintained for them on the hot path. */
final class SessionsView implements SessionsMXBean {

    private final BayeuxServer bayeux;
    private final RemoteRegistry remote;
    private final BayeuxCounters counters;

    SessionsView(BayeuxServer bayeux, RemoteRegistry remote, BayeuxCounters counters) {
        this.bayeux = bayeux;
        this.remote = remote;
        this.counters = counters;
    }

    @Override
    public int getBayeuxSessions() {
        return bayeux.sessionCount();
    }

    @Override
    public int getWebSocketSessions() {
        return (int) bayeux.sessions().stream().filter(ServerSession::isPushed).count();
    }

    @Override
    public int getLongPollingSessions() {
        return (int) bayeux.sessions().stream().filter(s -> !s.isPushed()).count();
    }

    @Override
    public int getRemoteEventsConnections() {
        return remote.connectionCount();
    }

    @Override
    public long getSubscriptions() {
        return bayeux.sessions().stream().mapToLong(s -> s.subscriptions().size()).sum();
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
