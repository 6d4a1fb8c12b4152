package io.liveupdate.remote.transport;

import io.liveupdate.remote.RemotePeer;
import io.liveupdate.websocket.IoThreads;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A {@link RemotePeer} over a Jakarta WebSocket session: asynchronous sends only. */
final class SessionPeer implements RemotePeer {

    private static final Logger LOG = Logger.getLogger(SessionPeer.class.getName());
    private static final int MAX_REASON_BYTES = 123; // a close frame's payload is at most 125 bytes

    private final Session session;
    private final Executor writer;

    SessionPeer(Session session) {
        this.session = session;
        this.writer = IoThreads.of(session);
    }

    @Override
    public Executor writer() {
        return writer;
    }

    @Override
    public void sendText(String text, Consumer<Throwable> done) {
        session.getAsyncRemote().sendText(text, result -> done.accept(result.isOK() ? null : result.getException()));
    }

    @Override
    public void sendPing(Consumer<Throwable> done) {
        try {
            // non-blocking: the async endpoint queues the control frame
            session.getAsyncRemote().sendPing(ByteBuffer.wrap(new byte[] {'p', 'i', 'n', 'g'}));
            done.accept(null);
        } catch (IOException e) {
            done.accept(e);
        }
    }

    @Override
    public void close(int code, String reason) {
        try {
            if (session.isOpen()) session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), shorten(reason)));
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Closing a RemoteEvents session failed", e);
        }
    }

    static String shorten(String reason) {
        byte[] bytes = reason.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_REASON_BYTES) return reason;
        String cut = new String(bytes, 0, MAX_REASON_BYTES, StandardCharsets.UTF_8);
        // drop a character the cut split in two (decoded as U+FFFD, 3 bytes)
        while (cut.getBytes(StandardCharsets.UTF_8).length > MAX_REASON_BYTES) cut = cut.substring(0, cut.length() - 1);
        return cut;
    }
}
