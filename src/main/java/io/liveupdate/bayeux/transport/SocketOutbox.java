package io.liveupdate.bayeux.transport;

import io.liveupdate.bayeux.FrozenMessage;
import io.liveupdate.bayeux.Outbox;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.websocket.IoThreads;
import io.liveupdate.websocket.SocketWriter;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * One WebSocket's Bayeux outbox: whatever queued while a write was in flight (replies and the Bayeux session's
 * events) goes out together as one JSON array in the next frame. A slow socket therefore backs up into the session's
 * bounded queue, never into an unbounded buffer here, and never delays anyone else. The writing itself, one write in
 * flight at a time, is the {@link SocketWriter} both WebSocket protocols share; this class is Bayeux's queue for it.
 *
 * <p>The write is started on the thread that brings the message: for a fan-out the socket's I/O thread
 * ({@link #writer()}, where Undertow writes without queuing to itself), otherwise the replying thread or the I/O
 * thread completing the previous write. Starting an asynchronous send does not block, and a hand-off to an
 * executor of ours per message cost more than the write itself (a managed executor captures and restores the EE
 * context for every task).
 */
final class SocketOutbox implements Outbox, SocketWriter.Frames<List<FrozenMessage>> {

    private static final Logger LOG = Logger.getLogger(SocketOutbox.class.getName());

    private final Session socket;
    private final Executor writer;
    private final SocketWriter<List<FrozenMessage>> writes = new SocketWriter<>(this, this::startWrite);
    private final Queue<FrozenMessage> replies = new ConcurrentLinkedQueue<>();
    private volatile ServerSession session;

    SocketOutbox(Session socket) {
        this.socket = socket;
        this.writer = IoThreads.of(socket);
    }

    @Override
    public Executor writer() {
        return writer;
    }

    /** Called by the core outside the session's lock, concurrently; never blocks. */
    @Override
    public void wake(ServerSession session) {
        this.session = session;
        writes.wake();
    }

    @Override
    public boolean isOpen() {
        return socket.isOpen();
    }

    /** Nothing in flight and nothing marked for the next write (the session's own queue is the core's to check). */
    @Override
    public boolean isIdle() {
        return writes.isIdle() && replies.isEmpty();
    }

    /** Replies to what this socket sent, in order, ahead of any events queued after them. */
    void send(List<FrozenMessage> messages) {
        if (messages.isEmpty()) return;
        replies.addAll(messages);
        writes.wake();
    }

    /** The replies, then the session's events, as one batch; null when there are none. */
    @Override
    public List<FrozenMessage> next() {
        var batch = new ArrayList<FrozenMessage>();
        for (FrozenMessage reply; (reply = replies.poll()) != null; ) batch.add(reply);
        var current = session;
        if (current != null) batch.addAll(current.drainFor(this));
        return batch.isEmpty() ? null : batch;
    }

    /** A failed batch is lost with its socket, as in Faye: there are no acks, and the client reconnects. */
    @Override
    public void ended(List<FrozenMessage> batch, Throwable failure) {
        if (failure != null) LOG.fine(() -> "WebSocket write failed, " + batch.size() + " messages lost with the socket: " + failure);
    }

    private void startWrite(List<FrozenMessage> batch, Consumer<Throwable> done) {
        if (!socket.isOpen()) {
            done.accept(new IOException("closed"));
            return;
        }
        socket.getAsyncRemote().sendText(FrozenMessage.toJsonArray(batch),
                result -> done.accept(result.isOK() ? null : failureOf(result.getException())));
    }

    private static Throwable failureOf(Throwable reported) {
        return reported != null ? reported : new IOException("write failed");
    }
}
