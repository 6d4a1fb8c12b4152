package io.liveupdate.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Puts a text message together from the parts the container hands a partial {@code @OnMessage}, up to a limit.
 * Undertow, given a message over {@code setMaxTextMessageBufferSize} or {@code maxMessageSize}, drops it without a
 * word and leaves the client waiting; here a message over the limit closes the socket with 1009 (too big), as
 * RFC 6455 says, before more than the limit is buffered. One per socket, used by one reading thread at a time.
 */
public final class BoundedText {

    private static final Logger LOG = Logger.getLogger(BoundedText.class.getName());
    private static final String KEY = BoundedText.class.getName();

    private final StringBuilder parts = new StringBuilder();
    private final int limit;

    private BoundedText(int limit) {
        this.limit = limit;
    }

    /**
     * @param limit the most characters a message may have
     * @return the whole message once its last part has come; empty before, and after closing an over-long one
     */
    public static Optional<String> append(Session socket, String part, boolean last, int limit) {
        var text = (BoundedText) socket.getUserProperties().computeIfAbsent(KEY, k -> new BoundedText(limit));
        if (text.parts.length() + part.length() > text.limit) {
            text.parts.setLength(0);
            tooBig(socket, text.limit);
            return Optional.empty();
        }
        if (last && text.parts.length() == 0) return Optional.of(part); // the usual case: one part, no copy
        text.parts.append(part);
        if (!last) return Optional.empty();
        String whole = text.parts.toString();
        text.parts.setLength(0);
        return Optional.of(whole);
    }

    private static void tooBig(Session socket, int limit) {
        LOG.info(() -> "Closing WebSocket " + socket.getId() + ": a message over " + limit + " characters");
        try {
            socket.close(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "message over " + limit + " characters"));
        } catch (IOException e) {
            LOG.fine(() -> "WebSocket " + socket.getId() + " could not be closed: " + e);
        }
    }
}
