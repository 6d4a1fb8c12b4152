package io.liveupdate.bayeux.transport;

import jakarta.websocket.Session;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client address of a WebSocket, which the WebSocket API does not give: read where the servers keep it, so that
 * the per-address session limit counts WebSocket sessions as it counts HTTP ones. Tried in turn: the user property
 * {@code jakarta.websocket.endpoint.remoteAddress} (Tomcat, newer Tyrus), Undertow's (WildFly)
 * {@code UndertowSession.getWebSocketChannel().getSourceAddress()}, Tyrus's (Payara) {@code TyrusSession.getRemoteAddr()}.
 * Found by reflection on the session's own class, so nothing here links against a server.
 */
final class RemoteAddress {

    private static final Logger LOG = Logger.getLogger(RemoteAddress.class.getName());
    static final String USER_PROPERTY = "jakarta.websocket.endpoint.remoteAddress";

    private RemoteAddress() {
    }

    static Optional<String> of(Session socket) {
        Optional<String> property = text(socket.getUserProperties().get(USER_PROPERTY));
        if (property.isPresent()) return property;
        try {
            Optional<Method> undertow = publicMethod(socket.getClass(), "getWebSocketChannel");
            if (undertow.isPresent()) {
                Object channel = undertow.get().invoke(socket);
                if (channel == null) return Optional.empty();
                Optional<Method> source = publicMethod(channel.getClass(), "getSourceAddress");
                return source.isPresent() ? text(source.get().invoke(channel)) : Optional.empty();
            }
            Optional<Method> tyrus = publicMethod(socket.getClass(), "getRemoteAddr");
            return tyrus.isPresent() ? text(tyrus.get().invoke(socket)) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "No client address for WebSocket " + socket.getId(), e);
            return Optional.empty();
        }
    }

    private static Optional<Method> publicMethod(Class<?> type, String name) {
        try {
            return Optional.of(type.getMethod(name));
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(Object address) {
        if (address instanceof InetSocketAddress socket) {
            return Optional.ofNullable(socket.getAddress() != null ? socket.getAddress().getHostAddress() : socket.getHostString());
        }
        return address instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    }
}
