package io.liveupdate.remote;

import io.liveupdate.fanout.WriterBatch;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The frames waiting for one connection: at most one write in flight, the next started when it completes,
 * and at most {@code limit} text frames waiting. A peer that falls further behind, or whose write fails, is
 * given up: the outbox drops its frames and reports the reason, once. Offering never blocks.
 *
 * <p>A frame may carry a position (the connection's: every change up to it queued by then); once its write has
 * completed, so have those of every frame before it, and {@link #written()} is at least that position. That, not
 * what was merely queued, is where a page stands when its connection ends: frames still waiting are lost with it.
 */
final class Outbox {

    private static final long NO_POSITION = -1;

    private final RemotePeer peer;
    private final int limit;
    private final Consumer<String> onGiveUp;
    private final Queue<Frame> waiting = new ArrayDeque<>();
    private long written = -1;
    private boolean pingWaiting;
    private boolean writing;
    private boolean closed;

    Outbox(RemotePeer peer, int limit, Consumer<String> onGiveUp) {
        this.peer = peer;
        this.limit = limit;
        this.onGiveUp = onGiveUp;
    }

    /** Queues a text frame and starts writing it; false when the outbox has given up (now or before). */
    boolean offer(String text) {
        return offer(text, NO_POSITION);
    }

    /** As {@link #offer(String)}, the frame carrying {@code position} (see {@link #written()}). */
    boolean offer(String text, long position) {
        if (!queue(new Frame(text, position))) return false;
        flush();
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
        if (!queue(new Frame(text, position))) return false;
        writes.add(peer.writer(), this::flush);
        return true;
    }

    /**
     * The connection reached {@code position} without a frame of its own (nothing to replay, or too much): it counts
     * as written once everything queued before it has been. Not counted against the limit; rare.
     */
    synchronized void mark(long position) {
        if (closed) return;
        if (!writing && waiting.isEmpty()) written = Math.max(written, position);
        else waiting.add(new Frame(null, position));
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
        flush();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Drops whatever waits; nothing is written any more. */
    synchronized void close() {
        closed = true;
        waiting.clear();
    }

    private void flush() {
        // A write that completes inside sendText lets this loop start the next one, so a fast peer
        // never makes the stack grow with the queue.
        while (true) {
            Frame next = null;
            synchronized (this) {
                if (writing || closed) return;
                if (pingWaiting) {
                    pingWaiting = false;
                } else {
                    next = waiting.poll();
                    while (next != null && next.text() == null) { // a mark: reached
                        written = Math.max(written, next.position());
                        next = waiting.poll();
                    }
                    if (next == null) return;
                }
                writing = true;
            }
            var write = new Write(next == null ? NO_POSITION : next.position());
            try {
                if (next == null) peer.sendPing(write); else peer.sendText(next.text(), write);
            } catch (RuntimeException e) {
                write.accept(e);
            }
            if (!write.completedBeforeReturn()) return;
        }
    }

    private void giveUp(String reason) {
        synchronized (this) {
            if (closed) return;
            close();
        }
        onGiveUp.accept(reason);
    }

    /** The completion of one write, which knows whether it came before or after send returned. */
    private final class Write implements Consumer<Throwable> {
        private static final int SENDING = 0;
        private static final int RETURNED = 1;
        private static final int DONE = 2;
        private final AtomicInteger state = new AtomicInteger(SENDING);
        private final long position;

        Write(long position) {
            this.position = position;
        }

        @Override
        public void accept(Throwable failure) {
            int before = state.getAndSet(DONE);
            if (before == DONE) return; // a second completion of the same write
            synchronized (Outbox.this) {
                writing = false;
                if (failure == null) written = Math.max(written, position);
            }
            if (failure != null) {
                giveUp("write failed: " + failure);
            } else if (before == RETURNED) {
                flush();
            }
        }

        /** Called once send returned: true if the write had already completed, so the caller goes on. */
        boolean completedBeforeReturn() {
            return !state.compareAndSet(SENDING, RETURNED);
        }
    }

    /** A text frame, or (text null) a mark; with the position it carries, or -1. */
    private record Frame(String text, long position) {
    }
}
