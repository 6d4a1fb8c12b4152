package io.liveupdate.bayeux;

import java.util.concurrent.Executor;

/**
 * The delivery SPI a push transport (WebSocket) implements for one socket.
 *
 * <p>Events stay in the session's bounded queue until the transport takes them with
 * {@link ServerSession#drain()}, so a slow socket backs up into that queue, where {@code maxQueue} applies,
 * rather than into an unbounded buffer of the transport's own. The expected shape: on {@link #wake}, if no write
 * is in flight, drain and start one async write of the drained messages as one JSON array; when it completes,
 * drain again and write again until the queue is empty (one write in flight per socket).
 *
 * <p>A message handed to a socket that then dies is lost, as in Faye; there are no acks.
 */
public interface Outbox {

    /**
     * The session has messages waiting. Called on publishing threads, concurrently and possibly more often
     * than needed (a drain may find the queue empty); it must not block: start or schedule the drain.
     */
    void wake(ServerSession session);

    /**
     * False once the socket has closed. The core then stops waking this outbox and keeps queuing for the
     * session until its next {@code /meta/connect} (or until the session expires).
     */
    boolean isOpen();

    /**
     * The thread that writes this socket without a hand-off (a server's I/O thread owning the connection), or null
     * to be woken on the publishing thread. A fan-out wakes every outbox that shares a writer with one task on that
     * writer, instead of a hand-off per socket inside the server's write path.
     */
    default Executor writer() {
        return null;
    }

    /**
     * Whether everything handed to this socket has been written (no write in flight, nothing waiting for one). Asked
     * only when the server stops, so that what was published before its sockets close reaches them; an outbox that
     * writes synchronously is always idle.
     */
    default boolean isIdle() {
        return true;
    }
}
