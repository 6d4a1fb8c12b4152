package io.liveupdate.bayeux;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is subscribed to what, keyed by channel or pattern. A publish looks up its name and its wildcard ancestors
 * only ({@link ChannelId#wildIds()}), never scanning all subscriptions. Lock-free for readers; each key's set is
 * created and removed inside the map's atomic per-key {@code compute}, so a subscribe never lands in a set that
 * is being discarded as empty.
 */
final class ChannelRegistry {

    private final ConcurrentHashMap<String, Set<ServerSession>> subscribers = new ConcurrentHashMap<>();

    /**
     * Records the subscription; true if it is new for the session. A session closed meanwhile is taken out
     * again: its close either sees this subscription in the session's set or we see it closed. We remove this
     * channel by name, not only through the session's set: the close empties that set, possibly after it took
     * this channel out of it and before we added the session to the channel.
     */
    boolean subscribe(ServerSession session, ChannelId channel) {
        boolean added = session.subscribe(channel);
        subscribers.compute(channel.toString(), (key, set) -> {
            var sessions = set == null ? ConcurrentHashMap.<ServerSession>newKeySet() : set;
            sessions.add(session);
            return sessions;
        });
        if (session.isClosed()) {
            remove(session, channel.toString());
            removeAll(session);
        }
        return added;
    }

    boolean unsubscribe(ServerSession session, ChannelId channel) {
        boolean removed = session.unsubscribe(channel);
        remove(session, channel.toString());
        return removed;
    }

    /**
     * Takes an ended session out of every channel and empties its own subscription set, so that neither the
     * channels nor whoever still holds the session object keep its subscriptions alive.
     */
    void removeAll(ServerSession session) {
        for (ChannelId channel : session.subscriptions()) {
            remove(session, channel.toString());
            session.unsubscribe(channel);
        }
    }

    /**
     * Every session subscribed to {@code name} or a pattern matching it, each once. Without pattern subscribers
     * (the usual case) this is the channel's own live set, not a copy: a publish to thousands of subscribers then
     * allocates nothing per subscriber. Iterating it is weakly consistent, as a copy taken at any moment would be.
     */
    Collection<ServerSession> recipients(ChannelId name) {
        Set<ServerSession> exact = subscribers.get(name.toString());
        Set<ServerSession> merged = null;
        for (String pattern : name.wildIds()) {
            var sessions = subscribers.get(pattern);
            if (sessions == null) continue;
            if (merged == null) {
                merged = new HashSet<>();
                if (exact != null) merged.addAll(exact);
            }
            merged.addAll(sessions);
        }
        if (merged != null) return merged;
        return exact == null ? Set.of() : Collections.unmodifiableSet(exact);
    }

    int subscriberCount(String channel) {
        var sessions = subscribers.get(channel);
        return sessions == null ? 0 : sessions.size();
    }

    int channelCount() {
        return subscribers.size();
    }

    private void remove(ServerSession session, String channel) {
        subscribers.computeIfPresent(channel, (key, sessions) -> {
            sessions.remove(session);
            return sessions.isEmpty() ? null : sessions;
        });
    }
}
