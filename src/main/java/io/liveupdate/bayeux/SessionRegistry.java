package io.liveupdate.bayeux;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The live sessions by clientId, and their creation and teardown. */
final class SessionRegistry {

    private static final Logger LOG = Logger.getLogger(SessionRegistry.class.getName());

    private static final int ID_BITS = 160;
    /** 160 bits take at most 31 base-36 digits: Faye's clientId shape. */
    private static final int ID_LENGTH = 31;

    private final ConcurrentHashMap<String, ServerSession> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ChannelRegistry channels;
    private final BayeuxSettings settings;
    private final Scheduler scheduler;
    private final Supplier<BayeuxMetrics> metrics;
    private final List<SessionListener> listeners;

    SessionRegistry(ChannelRegistry channels, BayeuxSettings settings, Scheduler scheduler, Supplier<BayeuxMetrics> metrics,
            List<SessionListener> listeners) {
        this.channels = channels;
        this.settings = settings;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.listeners = listeners;
    }

    ServerSession create() {
        while (true) {
            var session = new ServerSession(newId(), settings.maxQueue(), scheduler, this::cutLoose);
            if (sessions.putIfAbsent(session.id(), session) == null) {
                metrics.get().sessionOpened(session.id());
                return session;
            }
        }
    }

    Optional<ServerSession> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(sessions.get(clientId));
    }

    /**
     * Closes the session first and only then drops its subscriptions, so a subscribe racing with this either
     * lands before the drop or sees the session closed and drops itself ({@link ChannelRegistry#subscribe}).
     */
    void destroy(ServerSession session, boolean gracefully) {
        if (!session.close(gracefully)) return;
        sessions.remove(session.id(), session);
        channels.removeAll(session);
        metrics.get().sessionClosed(session.id(), gracefully);
        ended(session);
    }

    /** Its queue was full when one more message came: the queue and that message are lost with the session. */
    private void cutLoose(ServerSession session) {
        metrics.get().sessionCutLoose(session.id(), settings.maxQueue() + 1);
        destroy(session, false);
    }

    /** Ends a session because the server stops; its held connect is told to handshake again. */
    void destroyForRestart(ServerSession session) {
        if (!session.closeForRestart()) return;
        sessions.remove(session.id(), session);
        channels.removeAll(session);
        ended(session);
    }

    /** Each listener hears of the end once; one that fails does not keep the others from hearing of it. */
    private void ended(ServerSession session) {
        for (SessionListener listener : listeners) {
            try {
                listener.ended(session);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "session listener failed for " + session, e);
            }
        }
    }

    Collection<ServerSession> all() {
        return sessions.values();
    }

    private String newId() {
        String digits = new BigInteger(ID_BITS, random).toString(36);
        return "0".repeat(ID_LENGTH - digits.length()) + digits;
    }
}
