package io.liveupdate.bayeux;

import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One handshaken client: its subscriptions, its queue of events waiting to go out, and its held
 * {@code /meta/connect}.
 *
 * <p><b>Queue bound.</b> At most {@code maxQueue} messages wait. A message that would exceed the bound closes the
 * session instead of dropping anything silently: the queue is discarded, a held connect is answered
 * {@code 401:<clientId>:Unknown client} with {@code reconnect:"handshake"}, and so is every later request. The
 * client then re-handshakes and re-subscribes, and snapshot-on-subscribe listeners bring it up to date. A client
 * that falls this far behind (away longer than its queue lasts, or on a socket too slow to drain) therefore
 * always learns that it missed messages.
 *
 * <p>Thread-safe. The queue, the held connect and the outbox are guarded by this session's own monitor, held
 * only briefly; nothing is shared between sessions on the publish path.
 */
public final class ServerSession {

    private final String id;
    private final int maxQueue;
    private final Scheduler scheduler;
    private final Consumer<ServerSession> onOverflow;
    private final Set<ChannelId> subscriptions = ConcurrentHashMap.newKeySet();
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();
    private final ArrayDeque<FrozenMessage> queue = new ArrayDeque<>();
    private HeldConnect held;
    /** A connect held over a push connection is only a heartbeat: events never ride on it. */
    private boolean heldAsHeartbeat;
    private Outbox outbox;
    private long lastSeen;
    private volatile boolean closed;

    ServerSession(String id, int maxQueue, Scheduler scheduler, Consumer<ServerSession> onOverflow) {
        this.id = id;
        this.maxQueue = maxQueue;
        this.scheduler = scheduler;
        this.onOverflow = onOverflow;
        this.lastSeen = scheduler.now();
    }

    /** The clientId. */
    public String id() {
        return id;
    }

    /** The channels and patterns this client is subscribed to; a live, read-only view. */
    public Set<ChannelId> subscriptions() {
        return Collections.unmodifiableSet(subscriptions);
    }

    /** Free for the application and extensions, e.g. the user an {@code ext} token identified. Thread-safe. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Whether events go out through a push connection (WebSocket) rather than on held connects; for monitoring. */
    public synchronized boolean isPushed() {
        return outbox != null && outbox.isOpen();
    }

    /**
     * Whether nothing waits to go out through this session's socket: true for a session without an open socket
     * (long-polling: what waits goes with the next connect, or with the held one when the server stops).
     */
    public synchronized boolean isFlushed() {
        return outbox == null || !outbox.isOpen() || (queue.isEmpty() && outbox.isIdle());
    }

    /** How many messages wait to go out; for monitoring. */
    public synchronized int queued() {
        return queue.size();
    }

    /**
     * Sends {@code {channel, data}} to this client alone, e.g. a snapshot after a subscribe. The message goes
     * through the queue like any event, so it counts against the bound.
     *
     * @return false if the session is closed (or the message closed it by overflowing the queue)
     */
    public boolean deliver(String channel, JsonValue data) {
        return deliver(channel, data, null);
    }

    /** As {@link #deliver(String, JsonValue)}, with an {@code ext} object in the message when it is not null. */
    public boolean deliver(String channel, JsonValue data, JsonObject ext) {
        var message = Json.createObjectBuilder().add(Bayeux.CHANNEL, channel).add(Bayeux.DATA, data);
        if (ext != null) message.add(Bayeux.EXT, ext);
        return enqueue(FrozenMessage.of(message.build()));
    }

    /**
     * Takes every waiting message, oldest first; for push transports, from their own flush (see {@link Outbox}).
     * Empty when nothing waits or the session is closed.
     */
    public synchronized List<FrozenMessage> drain() {
        var messages = new ArrayList<>(queue);
        queue.clear();
        return messages;
    }

    /**
     * As {@link #drain()}, but only while events go through {@code via}: a wake that reaches a socket after the
     * session has moved to another connection (it is handed to the socket's I/O thread, so it can come late) takes
     * nothing, and the events go out through the connection the session now uses.
     */
    public synchronized List<FrozenMessage> drainFor(Outbox via) {
        return outbox == via ? drain() : List.of();
    }

    boolean enqueue(FrozenMessage message) {
        return enqueue(message, Outbox::wake);
    }

    /** As {@link #enqueue(FrozenMessage)}, handing the outbox to wake to {@code wakes} instead of waking it here. */
    boolean enqueue(FrozenMessage message, Wakes wakes) {
        HeldConnect release = null;
        List<FrozenMessage> events = null;
        Outbox push = null;
        boolean overflow;
        synchronized (this) {
            if (closed) return false;
            overflow = queue.size() >= maxQueue;
            if (!overflow) {
                queue.add(message);
                if (outbox != null && !outbox.isOpen()) outbox = null;
                if (outbox != null) {
                    push = outbox;
                } else if (held != null && !heldAsHeartbeat) {
                    // Over a socket that has closed, the held connect would carry the events into the void.
                    release = held;
                    events = releaseLocked();
                }
            }
        }
        if (overflow) {
            onOverflow.accept(this);
            return false;
        }
        if (push != null) wakes.wake(push, this);
        if (release != null) release.complete(events);
        return true;
    }

    /**
     * Takes a new connect: it replaces any held one (answered at once, with no events, so they go to the new one),
     * and decides where events go from now on. Held for {@code holdMillis} unless events can be answered at once.
     */
    CompletableFuture<List<FrozenMessage>> connect(HeldConnect next, long holdMillis, Optional<Outbox> via) {
        HeldConnect replaced;
        List<FrozenMessage> events = List.of();
        boolean hold;
        boolean wake = false;
        synchronized (this) {
            if (closed) {
                next.sessionGone();
                return next.reply();
            }
            replaced = held;
            held = null;
            outbox = via.orElse(null);
            lastSeen = scheduler.now();
            if (outbox != null) {
                wake = !queue.isEmpty();
                hold = holdMillis > 0;
            } else {
                hold = holdMillis > 0 && queue.isEmpty();
                if (!hold) events = drainLocked();
            }
            if (hold) {
                held = next;
                heldAsHeartbeat = outbox != null;
            }
        }
        if (replaced != null) replaced.complete(List.of());
        if (hold) {
            next.timer(scheduler.schedule(() -> timedOut(next), holdMillis));
        } else {
            next.complete(events);
        }
        if (wake) via.get().wake(this);
        return next.reply();
    }

    private void timedOut(HeldConnect connect) {
        List<FrozenMessage> events;
        synchronized (this) {
            if (held != connect) return;
            events = outbox == null ? releaseLocked() : releaseLocked(List.of());
        }
        connect.complete(events);
    }

    /**
     * Ends the session: the queue is discarded and a held connect answered, successfully for a disconnect
     * (as Faye does), with 401 + handshake advice otherwise.
     *
     * @return false if it was already closed
     */
    boolean close(boolean gracefully) {
        var detached = detach();
        if (detached == null) return false;
        if (detached.connect() != null) {
            if (gracefully) detached.connect().complete(List.of()); else detached.connect().sessionGone();
        }
        return true;
    }

    /**
     * Ends the session because the server stops (undeploy, shutdown): a held connect is answered at once with what
     * was still queued and told to handshake again, so the client reconnects by itself to whichever server answers
     * next.
     *
     * @return false if it was already closed
     */
    boolean closeForRestart() {
        var detached = detach();
        if (detached == null) return false;
        if (detached.connect() != null) detached.connect().handshakeAgain(detached.queued());
        return true;
    }

    private record Detached(HeldConnect connect, List<FrozenMessage> queued) {
    }

    /** Marks the session closed and takes its held connect and queue; null if it was closed already. */
    private synchronized Detached detach() {
        if (closed) return null;
        closed = true;
        var detached = new Detached(held, List.copyOf(queue));
        queue.clear();
        outbox = null;
        held = null;
        return detached;
    }

    /** Expired: no connect held and none seen for longer than {@code maxIntervalMillis}. */
    synchronized boolean isExpired(long now, long maxIntervalMillis) {
        return !closed && held == null && now - lastSeen > maxIntervalMillis;
    }

    boolean subscribe(ChannelId channel) {
        return subscriptions.add(channel);
    }

    boolean unsubscribe(ChannelId channel) {
        return subscriptions.remove(channel);
    }

    private List<FrozenMessage> releaseLocked() {
        return releaseLocked(drainLocked());
    }

    private List<FrozenMessage> releaseLocked(List<FrozenMessage> events) {
        held = null;
        lastSeen = scheduler.now();
        return events;
    }

    private List<FrozenMessage> drainLocked() {
        var messages = new ArrayList<>(queue);
        queue.clear();
        return messages;
    }

    @Override
    public String toString() {
        return "ServerSession[" + id + "]";
    }
}
