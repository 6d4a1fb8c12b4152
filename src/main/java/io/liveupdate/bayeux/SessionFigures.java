package io.liveupdate.bayeux;

/** The figures of {@link BayeuxFigures}, read from the server's live sessions on every call. */
final class SessionFigures implements BayeuxFigures {

    private final BayeuxServer server;

    SessionFigures(BayeuxServer server) {
        this.server = server;
    }

    @Override
    public int sessions() {
        return server.sessionCount();
    }

    @Override
    public int pushedSessions() {
        return (int) server.sessions().stream().filter(ServerSession::isPushed).count();
    }

    @Override
    public int pollingSessions() {
        return (int) server.sessions().stream().filter(s -> !s.isPushed()).count();
    }

    @Override
    public long subscriptions() {
        return server.sessions().stream().mapToLong(s -> s.subscriptions().size()).sum();
    }

    @Override
    public long queuedMessages() {
        return server.sessions().stream().mapToLong(ServerSession::queued).sum();
    }

    @Override
    public int largestQueue() {
        return server.sessions().stream().mapToInt(ServerSession::queued).max().orElse(0);
    }

    @Override
    public int queueBound() {
        return server.settings().maxQueue();
    }
}
