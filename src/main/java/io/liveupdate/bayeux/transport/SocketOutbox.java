package io.liveupdate.bayeux.transport;

import io.liveupdate.bayeux.FrozenMessage;
import io.liveupdate.bayeux.Outbox;
import io.liveupdate.bayeux.ServerSession;
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
 */
final class SocketOutbox implements Outbox {

    private static final Logger LOG = Logger.getLogger(SocketOutbox.class.getName());

    private final Session socket;
    private final Executor executor;
    private final Queue<FrozenMessage> replies = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    /** Set by every producer before it asks for a flush, so a flush that finds nothing can tell it raced one. */
    private final AtomicBoolean dirty = new AtomicBoolean();
    private volatile ServerSession session;

    SocketOutbox(Session socket, Executor executor) {
        this.socket = socket;
        this.executor = executor;
    }

    /** Called by the core under the session's lock: must not write here, so the flush runs elsewhere. */
    @Override
    public void wake(ServerSession session) {
        this.session = session;
        dirty.set(true);
        executor.execute(this::flush);
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
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
                write(batch);
                return;
            }
            writing.set(false);
            if (!dirty.get()) return;
        }
    }

    private List<FrozenMessage> collect() {
        var batch = new ArrayList<FrozenMessage>();
        for (FrozenMessage reply; (reply = replies.poll()) != null; ) batch.add(reply);
        var current = session;
        if (current != null) batch.addAll(current.drain());
        return batch;
    }

    private void write(List<FrozenMessage> batch) {
        if (!socket.isOpen()) {
            writing.set(false);
            return;
        }
        try {
            socket.getAsyncRemote().sendText(FrozenMessage.toJsonArray(batch), result -> {
                writing.set(false);
                if (result.isOK()) {
                    flush();
                } else {
                    LOG.fine(() -> "WebSocket write failed, " + batch.size() + " messages lost with the socket: " + result.getException());
                }
            });
        } catch (RuntimeException e) {
            writing.set(false);
            LOG.fine(() -> "WebSocket write refused: " + e);
        }
    }
}
