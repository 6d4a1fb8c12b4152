package io.liveupdate.websocket;

import jakarta.websocket.Session;
import java.lang.reflect.Method;
import java.util.concurrent.Executor;
import java.util.logging.Logger;

/**
 * Finds the I/O thread that owns a WebSocket, where the server writes it without a hand-off.
 *
 * <p>On Undertow (WildFly) a write started on any other thread is queued to the connection's I/O thread and that
 * thread's selector woken, one hand-off per socket and message: most of what a fan-out to many sockets cost. A
 * write started on that I/O thread goes straight to the socket. The Jakarta API has no notion of it, so it is read
 * through Undertow's public {@code UndertowSession.getWebSocketChannel().getIoThread()} by reflection (nothing of
 * Undertow on our class path, and no failure on other servers). Elsewhere (Payara's Tyrus) there is none, and
 * outboxes are woken on the publishing thread as before.
 */
public final class IoThreads {

    private static final Logger LOG = Logger.getLogger(IoThreads.class.getName());
    private static final String UNDERTOW_SESSION = "io.undertow.websockets.jsr.UndertowSession";

    private IoThreads() {
    }

    /** The socket's I/O thread, or null where the server does not show one. */
    public static Executor of(Session socket) {
        if (!socket.getClass().getName().equals(UNDERTOW_SESSION)) return null;
        try {
            Method channelOf = socket.getClass().getMethod("getWebSocketChannel");
            Object channel = channelOf.invoke(socket);
            Object ioThread = channel.getClass().getMethod("getIoThread").invoke(channel);
            return ioThread instanceof Executor executor ? executor : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.fine(() -> "No I/O thread for WebSocket " + socket.getId() + ": " + e);
            return null;
        }
    }
}
