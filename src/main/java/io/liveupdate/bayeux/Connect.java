package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Bayeux.*;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * {@code /meta/connect}: validates in Faye's order (a later check's error wins), then hands the connect to its
 * session to hold. Every reply carries advice; every failure asks for a new handshake.
 */
final class Connect {

    private final BayeuxSettings settings;
    private final SessionRegistry sessions;

    Connect(BayeuxSettings settings, SessionRegistry sessions) {
        this.settings = settings;
        this.sessions = sessions;
    }

    CompletableFuture<List<FrozenMessage>> handle(JsonObject message, Connection connection) {
        String clientId = Messages.string(message, CLIENT_ID);
        String type = Messages.string(message, CONNECTION_TYPE);
        Optional<ServerSession> session = sessions.find(clientId);
        String error = null;
        if (session.isEmpty()) error = BayeuxError.clientUnknown(clientId);
        if (clientId == null) error = BayeuxError.parameterMissing(CLIENT_ID);
        if (type != null && !settings.connectionTypes().contains(type)) error = BayeuxError.conntypeMismatch(type);
        if (type == null) error = BayeuxError.parameterMissing(CONNECTION_TYPE);
        if (error != null) return CompletableFuture.completedFuture(List.of(HeldConnect.failed(message, error, settings)));
        return session.get().connect(new HeldConnect(message, settings), holdMillis(message), connection.outbox());
    }

    /**
     * The client's own {@code advice.timeout} when it sends one (Faye's HTTP client sends 0 when the connect shares
     * a batch, CometD on its first connect), but never longer than ours.
     */
    private long holdMillis(JsonObject message) {
        if (message.get(ADVICE) instanceof JsonObject advice && advice.get(TIMEOUT) instanceof JsonNumber timeout) {
            return Math.max(0, Math.min(timeout.longValue(), settings.timeoutMillis()));
        }
        return settings.timeoutMillis();
    }
}
