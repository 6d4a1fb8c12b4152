package io.liveupdate.remote;

import io.liveupdate.fanout.WriterBatch;
import io.liveupdate.websocket.SocketWriter;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * The frames waiting for one connection: at most one write in flight, the next started when it completes,
 * and at most {@code limit} text frames waiting. A peer that falls further behind, or whose write fails, is
 * given up: the outbox drops its frames and reports the reason, once. Offering never blocks.
 *
 * <p>A frame may carry a position (the connection's: every change up to it queued by then); once its write has
 * completed, so have those of every frame before it, and {@link #written()} is at least that position. That, not
 * what was merely queued, is where a page stands when its connection ends: frames still waiting are lost with it.
 *
 * <p>The writing itself (one write in flight, the next from its completion) is the {@link SocketWriter} both
 * WebSocket protocols share; this class is RemoteEvents' queue for it: its limit, its pings, its positions.
 */
final class Outbox implements SocketWriter.Frames<Outbox.Frame> {

    private static final long NO_POSITION = -1;
    /** The frame a waiting ping is written as: ahead of the texts, never counted against the limit. */
    private static final Frame PING = new Frame(Frame.Kind.PING, null, NO_POSITION);

    private final RemotePeer peer;
    private final int limit;
    private final Consumer<String> onGiveUp;
    private final SocketWriter<Frame> writer;
    private final Queue<Frame> waiting = new ArrayDeque<>();
    private long written = -1;
    private boolean pingWaiting;
    private boolean closed;

    Outbox(RemotePeer peer, int limit, Consumer<String> onGiveUp) {
        this.peer = peer;
        this.limit = limit;
        this.onGiveUp = onGiveUp;
        this.writer = new SocketWriter<>(this, this::send);
    }

    /** Queues a text frame and starts writing it; false when the outbox has given up (now or before). */
    boolean offer(String text) {
        return offer(text, NO_POSITION);
    }

    /** As {@link #offer(String)}, the frame carrying {@code position} (see {@link #written()}). */
    boolean offer(String text, long position) {
        if (!queue(Frame.text(text, position))) return false;
        writer.wake();
        return true;
    }

    /**
     * As {@link #offer(String)}, with the write started by {@code writes}, on the thread that owns the socket when
     * there is one: a change to many connections is one hand-off per I/O thread, not one per socket.
     */
    boolean offer(String text, WriterBatch writes) {
        return offer(text, NO_POSITION, writes);
    }

    /** As {@link #offer(String, WriterBatch)}, the frame carrying {@code position}. */
    boolean offer(String text, long position, WriterBatch writes) {
        if (!queue(Frame.text(text, position))) return false;
        writes.add(peer.writer(), writer::wake);
        return true;
    }

    /**
     * The connection reached {@code position} without a frame of its own (nothing to replay, or too much): it counts
     * as written once everything queued before it has been (at once when nothing is). Not counted against the limit;
     * rare.
     */
    void mark(long position) {
        synchronized (this) {
            if (closed) return;
            waiting.add(new Frame(Frame.Kind.MARK, null, position));
        }
        writer.wake();
    }

    /** The furthest position carried by a frame whose write completed (or a mark reached); -1 for none. */
    synchronized long written() {
        return written;
    }

    private boolean queue(Frame frame) {
        synchronized (this) {
            if (closed) return false;
            if (waiting.size() < limit) {
                waiting.add(frame);
                return true;
            }
        }
        giveUp("too far behind: " + limit + " messages waiting");
        return false;
    }

    /** Queues a ping ahead of the waiting texts (it measures liveness, not backlog); one at a time. */
    void ping() {
        synchronized (this) {
            if (closed) return;
            pingWaiting = true;
        }
        writer.wake();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Drops whatever waits; nothing is written any more. */
    synchronized void close() {
        closed = true;
        waiting.clear();
    }

    /** The waiting ping first, then the next text; marks on the way are reached. */
    @Override
    public synchronized Frame next() {
        if (closed) return null;
        if (pingWaiting) {
            pingWaiting = false;
            return PING;
        }
        Frame next = waiting.poll();
        while (next != null && next.kind() == Frame.Kind.MARK) {
            written = Math.max(written, next.position());
            next = waiting.poll();
        }
        return next;
    }

    @Override
    public void ended(Frame frame, Throwable failure) {
        if (failure != null) {
            giveUp("write failed: " + failure);
            return;
        }
        synchronized (this) {
            written = Math.max(written, frame.position());
        }
    }

    private void send(Frame frame, Consumer<Throwable> done) {
        if (frame.kind() == Frame.Kind.PING) peer.sendPing(done); else peer.sendText(frame.text(), done);
    }

    private void giveUp(String reason) {
        synchronized (this) {
            if (closed) return;
            close();
        }
        onGiveUp.accept(reason);
    }

    /** A text frame, a mark (a position reached without a frame) or the ping; with the position it carries, or -1. */
    record Frame(Kind kind, String text, long position) {
        enum Kind { TEXT, MARK, PING }

        static Frame text(String text, long position) {
            return new Frame(Kind.TEXT, text, position);
        }
    }
}
