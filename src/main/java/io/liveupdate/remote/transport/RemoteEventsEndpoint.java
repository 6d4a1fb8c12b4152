package io.liveupdate.remote.transport;

import io.liveupdate.remote.RemoteConnection;
import io.liveupdate.remote.RemoteProtocol;
import io.liveupdate.remote.SocketRequest;
import io.liveupdate.websocket.BoundedText;
import io.liveupdate.websocket.SocketFailure;
import jakarta.inject.Inject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.PongMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The RemoteEvents WebSocket, {@code /api/v1?[calendar=<name>&|gantt=<name>&]token=<key or token>&ws=1}: a thin adapter from
 * WebSocket callbacks to {@link RemoteProtocol}. A plain GET of the same path is the JAX-RS handshake
 * ({@link RemoteHandshakeResource}); only upgrade requests reach this endpoint.
 */
@ServerEndpoint(value = "/api/v1", configurator = RemoteHandshake.class)
public class RemoteEventsEndpoint {

    private static final String CONNECTION = RemoteConnection.class.getName();
    private static final int MAX_MESSAGE_CHARS = 64 * 1024;

    @Inject
    RemoteProtocol protocol;

    @OnOpen
    public void open(Session session) {
        var request = (SocketRequest) session.getUserProperties().get(RemoteHandshake.REQUEST);
        protocol.open(new SessionPeer(session), request)
                .ifPresent(connection -> session.getUserProperties().put(CONNECTION, connection));
    }

    // Clients send only small control frames; a larger one closes the session (1009) before it is buffered.
    @OnMessage
    public void text(String part, boolean last, Session session) {
        var connection = connection(session);
        if (connection != null) BoundedText.append(session, part, last, MAX_MESSAGE_CHARS).ifPresent(text -> protocol.receive(connection, text));
    }

    @OnMessage
    public void pong(PongMessage pong, Session session) {
        var connection = connection(session);
        if (connection != null) connection.alive();
    }

    @OnClose
    public void close(Session session) {
        var connection = connection(session);
        if (connection != null) protocol.closed(connection);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        SocketFailure.close(session, failure);
    }

    private static RemoteConnection connection(Session session) {
        return (RemoteConnection) session.getUserProperties().get(CONNECTION);
    }
}
