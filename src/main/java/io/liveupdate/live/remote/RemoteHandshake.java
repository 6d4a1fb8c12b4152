package io.liveupdate.live.remote;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;

/** Copies the handshake's query into the connection's own user properties (WebSocket 2.1: per connection). */
public class RemoteHandshake extends ServerEndpointConfig.Configurator {

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        config.getUserProperties().put(SocketRequest.USER_PROPERTY, SocketRequest.of(request.getParameterMap()));
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
