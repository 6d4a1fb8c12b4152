package io.liveupdate.remote;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** The transport under one connection, as the registry sees it; the WebSocket adapter is {@code remote.transport.SessionPeer}. */
public interface RemotePeer {

    /** Close codes used here (RFC 6455). */
    int GOING_AWAY = 1001;
    int POLICY_VIOLATION = 1008;
    int TRY_AGAIN_LATER = 1013;

    /**
     * Starts writing a text frame without blocking; {@code done} gets null once written, or the failure.
     * It may be called before this method returns.
     */
    void sendText(String text, Consumer<Throwable> done);

    /** Starts writing a ping frame without blocking, with the same contract as {@link #sendText}. */
    void sendPing(Consumer<Throwable> done);

    /**
     * The thread that owns the connection and writes it without a hand-off (the server's I/O thread), or null
     * where there is none: writes then start on the calling thread.
     */
    default Executor writer() {
        return null;
    }

    /** Closes the connection with a close frame, if it is still open; never throws. */
    void close(int code, String reason);
}
