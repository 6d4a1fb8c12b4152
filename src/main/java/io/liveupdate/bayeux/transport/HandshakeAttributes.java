package io.liveupdate.bayeux.transport;

import io.liveupdate.bayeux.Connection;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.Session;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Carries what the WebSocket upgrade request said (headers, the user) into the connection's attributes, through
 * the per-connection user properties WebSocket 2.1 defines; never through shared fields or thread-locals.
 * Extensions and policies read them under the names the core defines ({@link Connection#HEADERS} and the others),
 * the same names the HTTP transport uses; the address is there where the server keeps it ({@link RemoteAddress}).
 */
public class HandshakeAttributes extends ServerEndpointConfig.Configurator {

    static final int MAX_FRAME_BYTES = 1024 * 1024;
    private static final String KEY = HandshakeAttributes.class.getName();

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(Connection.HEADERS, Map.copyOf(headers(request.getHeaders())));
        attributes.put(Connection.TRANSPORT, "websocket");
        if (request.getUserPrincipal() != null) attributes.put(Connection.PRINCIPAL, request.getUserPrincipal());
        config.getUserProperties().put(KEY, attributes);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(Session socket) {
        var attributes = (Map<String, Object>) socket.getUserProperties().get(KEY);
        if (attributes != null && !attributes.containsKey(Connection.ADDRESS)) RemoteAddress.of(socket).ifPresent(a -> attributes.put(Connection.ADDRESS, a));
        return attributes == null ? Map.of(Connection.TRANSPORT, "websocket", Connection.HEADERS, Map.of()) : attributes;
    }

    static Map<String, String> headers(Map<String, List<String>> source) {
        Map<String, String> headers = new HashMap<>();
        source.forEach((name, values) -> {
            if (!values.isEmpty()) headers.put(name.toLowerCase(), values.get(0));
        });
        return headers;
    }
}
