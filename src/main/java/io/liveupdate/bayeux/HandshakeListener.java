package io.liveupdate.bayeux;

import jakarta.json.JsonObject;

/**
 * Hears of each successful handshake, with the new session, the handshake message (as the extensions left it) and
 * the connection it came on: the place to bind what the handshake proved (the user an {@code ext.authToken} or the
 * connection's principal identified) to the session's {@link ServerSession#attributes()}. Runs before the reply is
 * sent, so the binding is in place before the client can subscribe or publish.
 *
 * <p>A listener that throws ends the session, and the handshake is answered {@code 500::Internal server error}
 * (failing closed). Must be thread-safe.
 */
@FunctionalInterface
public interface HandshakeListener {

    void handshaken(ServerSession session, JsonObject handshake, Connection connection);
}
