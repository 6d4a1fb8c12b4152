package io.liveupdate.websocket;

import io.liveupdate.input.LogSafe;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * What to do when the container reports a failure on a socket (WebSocket {@code @OnError}): close it with a code
 * that tells the client why. A frame over the size limit fails this way without the container closing the socket,
 * and the client would otherwise wait for an answer that never comes; so it is closed with 1009 (too big), as
 * RFC 6455 says. Any other read failure leaves the socket in no known state: 1011.
 */
public final class SocketFailure {

    private static final Logger LOG = Logger.getLogger(SocketFailure.class.getName());

    private SocketFailure() {
    }

    public static void close(Session socket, Throwable failure) {
        if (!socket.isOpen()) return;
        boolean tooBig = describes(failure, "too big", "too large", "exceed", "max");
        LOG.info(() -> "Closing WebSocket " + socket.getId() + " after " + LogSafe.text(failure));
        try {
            socket.close(new CloseReason(tooBig ? CloseReason.CloseCodes.TOO_BIG : CloseReason.CloseCodes.UNEXPECTED_CONDITION,
                    tooBig ? "message too big" : "unexpected condition"));
        } catch (IOException | RuntimeException e) {
            LOG.fine(() -> "WebSocket " + socket.getId() + " could not be closed: " + e);
        }
    }

    private static boolean describes(Throwable failure, String... words) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = (t.getClass().getSimpleName() + " " + t.getMessage()).toLowerCase(Locale.ROOT);
            for (String word : words) if (text.contains(word)) return true;
        }
        return false;
    }
}
