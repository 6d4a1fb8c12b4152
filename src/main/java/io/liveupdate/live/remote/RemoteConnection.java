package io.liveupdate.live.remote;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/** One open RemoteEvents WebSocket: who it is, which calendar it follows, and its outbox. */
final class RemoteConnection {

    private final String id;
    private final String calendar;
    private final RemotePeer peer;
    private final Outbox outbox;
    private final AtomicBoolean awaitingPong = new AtomicBoolean();

    RemoteConnection(String id, String calendar, RemotePeer peer, int maxQueued, BiConsumer<RemoteConnection, String> onGiveUp) {
        this.id = id;
        this.calendar = calendar;
        this.peer = peer;
        this.outbox = new Outbox(peer, maxQueued, reason -> onGiveUp.accept(this, reason));
    }

    String id() {
        return id;
    }

    String calendar() {
        return calendar;
    }

    /** Queues a frame; never blocks. False when this connection has been given up. */
    boolean send(String text) {
        return outbox.offer(text);
    }

    /** A pong (or any frame) arrived: the peer is alive. */
    void alive() {
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
        return "RemoteEvents connection " + id + " (calendar " + calendar + ")";
    }
}
