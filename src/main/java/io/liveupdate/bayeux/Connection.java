package io.liveupdate.bayeux;

import java.util.Map;
import java.util.Optional;

/**
 * What a transport tells the core about the connection a batch arrived on.
 *
 * <p>A push transport (WebSocket) gives an {@link Outbox}: once a client's {@code /meta/connect} arrives on this
 * connection, that client's events go to it as soon as they are queued, and the connect itself is held as a
 * heartbeat. A request/response transport (long-polling, JSONP) gives none: events ride on the held connect reply.
 * As in Faye, a client's events follow its latest {@code /meta/connect}, whichever connection that came on.
 *
 * <p>A push transport should pass the same instance for every frame of one socket.
 */
public interface Connection {

    /** Where events go at once, for push transports; empty for request/response transports. */
    Optional<Outbox> outbox();

    /**
     * What the transport knows of the request (headers, cookies, remote address, principal, ...), under names the
     * transport documents; for extensions and policies. The core never reads it.
     */
    Map<String, Object> attributes();

    /** A request/response connection: long-polling, cross-origin long-polling, JSONP. */
    static Connection polling(Map<String, Object> attributes) {
        return new BasicConnection(Optional.empty(), Map.copyOf(attributes));
    }

    /** A push connection, e.g. one WebSocket. */
    static Connection push(Outbox outbox, Map<String, Object> attributes) {
        return new BasicConnection(Optional.of(outbox), Map.copyOf(attributes));
    }

    record BasicConnection(Optional<Outbox> outbox, Map<String, Object> attributes) implements Connection {
    }
}
