package io.liveupdate.remote;

import io.liveupdate.fanout.WriterBatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * One open RemoteEvents WebSocket: who it is (the page, when it came with a handshake's key), which calendar or chart
 * it follows and which of its entities, its outbox, and how far it has been sent the numbered changes
 * ({@link RemoteCatchUp}).
 */
public final class RemoteConnection {

    /** How many changes may arrive ahead of a missing one before the position jumps past it. */
    private static final int MAX_AHEAD = 1000;

    private final String id;
    private final RemoteTarget target;
    private final String pageKey;
    private final PageAtCalendar page;
    private final OptionalLong keyPosition;
    private final RemotePeer peer;
    private final Outbox outbox;
    private final AtomicBoolean awaitingPong = new AtomicBoolean();
    /** The target's entities the page subscribed to; guarded by this. */
    private final Set<String> entities = new HashSet<>();

    // Catch-up state, guarded by this. Live changes held back while a replay runs; the numbers (from, to] the last
    // replay sent; the number up to which every change of the calendar has been queued here (-1: not known), and
    // the numbers queued beyond it while one before them has not come (changes commit in order but may be fired a
    // moment out of order by different threads).
    private List<Numbered> held;
    private long replayedFrom;
    private long replayedTo;
    private long upTo = -1;
    /** The position last written to the database ({@link PositionSharing}); -1: none yet. */
    private long stored = -1;
    private final TreeSet<Long> ahead = new TreeSet<>();

    RemoteConnection(String id, RemoteTarget target, String pageKey, OptionalLong keyPosition, RemotePeer peer, int maxQueued,
            BiConsumer<RemoteConnection, String> onGiveUp) {
        this.id = id;
        this.target = target;
        this.pageKey = pageKey;
        this.page = pageKey == null ? null : PageAtCalendar.of(pageKey, target);
        this.keyPosition = keyPosition;
        this.peer = peer;
        this.outbox = new Outbox(peer, maxQueued, reason -> onGiveUp.accept(this, reason));
    }

    String id() {
        return id;
    }

    RemoteTarget target() {
        return target;
    }

    /**
     * The page subscribes to one of its target's entities. True when the target's changes are to start from here
     * (the first of its entities) or again (the same one twice: from now on, as asked); false for another entity of
     * a chart already followed, and for a name the target does not have. A chart's {@code tasks} and {@code links}
     * are one numbered stream with one position, so a page following either is sent both: the client drops an
     * entity it has no handler for.
     */
    synchronized boolean subscribeTo(String entity) {
        if (!target.entities().contains(entity)) return false;
        boolean first = entities.isEmpty();
        return entities.add(entity) ? first : true;
    }

    /** The page unsubscribes from an entity: true once it follows none of them (the target's changes stop). */
    synchronized boolean unsubscribeFrom(String entity) {
        if (!target.entities().contains(entity)) return false;
        entities.remove(entity);
        return entities.isEmpty();
    }

    /** The handshake key the page connected with (the same on each of its reconnects), or null for a plain token. */
    String pageKey() {
        return pageKey;
    }

    /** The page and calendar as their position is stored; null without a key. */
    PageAtCalendar page() {
        return page;
    }

    /** Where the calendar stood at the page's handshake, if its key says. */
    OptionalLong keyPosition() {
        return keyPosition;
    }

    /** Queues a frame; never blocks. False when this connection has been given up. */
    boolean send(String text) {
        return outbox.offer(text);
    }

    /** Queues a live change of the calendar, unless a replay has sent it; held back while a replay runs. */
    synchronized boolean sendChange(long seq, String text) {
        var writes = new WriterBatch();
        boolean queued = sendChange(seq, text, writes);
        writes.run();
        return queued;
    }

    /** As {@link #sendChange(long, String)}, the write started by {@code writes} (one fan-out's batch). */
    synchronized boolean sendChange(long seq, String text, WriterBatch writes) {
        if (held != null) {
            held.add(new Numbered(seq, text));
            return true;
        }
        if (seq > replayedFrom && seq <= replayedTo) return true;
        advance(seq);
        return outbox.offer(text, upTo, writes);
    }

    /** From now until {@link #releaseLive}, live changes wait: a replay is about to be sent. */
    synchronized void holdLive() {
        if (held == null) held = new ArrayList<>();
    }

    /** Starts a replay of the changes after {@code from}. */
    synchronized void replayFrom(long from) {
        replayedFrom = from;
        replayedTo = from;
    }

    /** Queues a replayed change (the next after the previous one). */
    synchronized boolean sendReplayed(long seq, String text) {
        replayedTo = seq;
        advance(seq);
        return outbox.offer(text, upTo);
    }

    /**
     * The replay is done, and the page has every change up to {@code position} (-1: unknown): the held live changes
     * follow, in order, but for those the replay sent.
     */
    synchronized void releaseLive(long position) {
        if (position > upTo) {
            upTo = position;
            ahead.headSet(position, true).clear();
            advance(position);
            outbox.mark(upTo);
        }
        var waiting = held;
        held = null;
        if (waiting == null) return;
        waiting.sort(Comparator.comparingLong(Numbered::seq));
        var writes = new WriterBatch();
        for (Numbered change : waiting) sendChange(change.seq(), change.text(), writes);
        writes.run();
    }

    /** The number up to which every change of the calendar has been queued here; -1 when not known. */
    synchronized long upTo() {
        return upTo;
    }

    /**
     * Where the page stands: the number up to which every change of the calendar has been written to its socket
     * (not merely queued: what waits is lost if the connection ends); -1 when not known.
     */
    long writtenUpTo() {
        return outbox.written();
    }

    /** The position to write, when this connection has a key and has moved since its position was last written; else -1. */
    synchronized long unstoredPosition() {
        long written = outbox.written();
        return page != null && written > stored ? written : -1;
    }

    /** The position has been written. */
    synchronized void stored(long position) {
        stored = Math.max(stored, position);
    }

    private void advance(long seq) {
        if (upTo < 0 || seq <= upTo) return;
        if (seq == upTo + 1) {
            upTo = seq;
            while (ahead.remove(upTo + 1)) upTo++;
        } else {
            ahead.add(seq);
            if (ahead.size() > MAX_AHEAD) {
                upTo = ahead.last();
                ahead.clear();
            }
        }
    }

    /** A pong (or any frame) arrived: the peer is alive. */
    public void alive() {
        awaitingPong.set(false);
    }

    /** Pings the peer; false, and no ping, when the previous ping is still unanswered. */
    boolean heartbeat() {
        if (awaitingPong.getAndSet(true)) return false;
        outbox.ping();
        return true;
    }

    void close(int code, String reason) {
        outbox.close();
        peer.close(code, reason);
    }

    @Override
    public String toString() {
        return "RemoteEvents connection " + id + " (" + target + ")";
    }

    private record Numbered(long seq, String text) {
    }
}
