package io.liveupdate.remote.transport;

import io.liveupdate.remote.SocketRequest;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/** Copies the handshake's query into the connection's own user properties (WebSocket 2.1: per connection). */
public class RemoteHandshake extends ServerEndpointConfig.Configurator {

    static final String REQUEST = SocketRequest.class.getName();

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        config.getUserProperties().put(REQUEST, SocketRequest.of(request.getParameterMap()));
    }

    /**
     * Any origin: RemoteEvents is authorised by the token on the URL, never by cookies, so a foreign page gains
     * nothing a token holder could not do anyway (no cross-site WebSocket hijacking), and the client is meant to
     * be usable from other origins.
     */
    @Override
    public boolean checkOrigin(String originHeaderValue) {
        return true;
    }
}
