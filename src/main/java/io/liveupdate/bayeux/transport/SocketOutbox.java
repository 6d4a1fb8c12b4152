package io.liveupdate.bayeux.transport;

import io.liveupdate.bayeux.FrozenMessage;
import io.liveupdate.bayeux.Outbox;
import io.liveupdate.bayeux.ServerSession;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import io.liveupdate.websocket.IoThreads;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * One WebSocket's writer: at most one asynchronous write in flight, and whatever queued behind it (replies and
 * the Bayeux session's events) goes out together as one JSON array in the next frame. A slow socket therefore
 * backs up into the session's bounded queue, never into an unbounded buffer here, and never delays anyone else.
 *
 * <p>The write is started on the thread that brings the message: for a fan-out the socket's I/O thread
 * ({@link #writer()}, where Undertow writes without queuing to itself), otherwise the replying thread or the I/O
 * thread completing the previous write. Starting an asynchronous send does not block, and a hand-off to an
 * executor of ours per message cost more than the write itself (a managed executor captures and restores the EE
 * context for every task).
 * While a write is in flight a new message only marks the outbox dirty; the completion picks it up.
 */
final class SocketOutbox implements Outbox {

    private static final Logger LOG = Logger.getLogger(SocketOutbox.class.getName());

    private final Session socket;
    private final Executor writer;
    private final Queue<FrozenMessage> replies = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    /** Set by every producer before it asks for a flush, so a flush that finds nothing can tell it raced one. */
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile ServerSession session;

    SocketOutbox(Session socket) {
        this.socket = socket;
        this.writer = IoThreads.of(socket);
    }

    @Override
    public Executor writer() {
        return writer;
    }

    /**
     * Called by the core outside the session's lock. Sets {@code dirty} before looking at {@code writing}, so either
     * this call starts the flush or the in-flight write's completion, which clears {@code writing} before it
     * drains, finds the message.
     */
    @Override
    public void wake(ServerSession session) {
        this.session = session;
        dirty.set(true);
        if (!writing.get()) flush();
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    /** Nothing in flight and nothing marked for the next write (the session's own queue is the core's to check). */
    @Override
    public boolean isIdle() {
        return !writing.get() && !dirty.get() && replies.isEmpty();
    }

    /** Replies to what this socket sent, in order, ahead of any events queued after them. */
    void send(List<FrozenMessage> messages) {
        if (messages.isEmpty()) return;
        replies.addAll(messages);
        dirty.set(true);
        flush();
    }

    private void flush() {
        while (writing.compareAndSet(false, true)) {
            dirty.set(false);
            List<FrozenMessage> batch = collect();
            if (!batch.isEmpty()) {
                // A send that completes before it returns loops here instead of recursing from its callback.
                if (!write(batch)) return;
                continue;
            }
            writing.set(false);
            if (!dirty.get()) return;
        }
    }

    private List<FrozenMessage> collect() {
        var batch = new ArrayList<FrozenMessage>();
        for (FrozenMessage reply; (reply = replies.poll()) != null; ) batch.add(reply);
        var current = session;
        if (current != null) batch.addAll(current.drainFor(this));
        return batch;
    }

    /** Starts one asynchronous write; true if it completed successfully before returning. */
    private boolean write(List<FrozenMessage> batch) {
        if (!socket.isOpen()) {
            writing.set(false);
            return false;
        }
        var write = new Write(batch.size());
        try {
            socket.getAsyncRemote().sendText(FrozenMessage.toJsonArray(batch), write);
        } catch (RuntimeException e) {
            writing.set(false);
            LOG.fine(() -> "WebSocket write refused: " + e);
            return false;
        }
        write.returned = true;
        return write.completedInline;
    }

    /** One write's completion: frees the outbox, then flushes what queued meanwhile, unless its starter loops. */
    private final class Write implements SendHandler {
        private final int messages;
        private final Thread starter = Thread.currentThread();
        /** Only read and written by the starter thread, so plain fields suffice. */
        private boolean returned;
        private boolean completedInline;

        Write(int messages) {
            this.messages = messages;
        }

        @Override
        public void onResult(SendResult result) {
            writing.set(false);
            if (!result.isOK()) {
                LOG.fine(() -> "WebSocket write failed, " + messages + " messages lost with the socket: " + result.getException());
            } else if (Thread.currentThread() == starter && !returned) {
                completedInline = true;
            } else {
                flush();
            }
        }
    }
}
