package io.liveupdate.bayeux;

import java.security.Principal;
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

    /** Request headers, lower-case names, first value: {@code Map<String, String>}. */
    String HEADERS = "headers";
    /** The authenticated user, if any: {@code java.security.Principal}. */
    String PRINCIPAL = "principal";
    /** The client's IP address, where the transport knows it: {@code String}. */
    String ADDRESS = "address";
    /** "websocket" or "http". */
    String TRANSPORT = "transport";

    /** Where events go at once, for push transports; empty for request/response transports. */
    Optional<Outbox> outbox();

    /**
     * What the transport knows of the request, under the names above (set by every transport) and any others a
     * transport documents; for extensions and policies. The core never reads it.
     */
    Map<String, Object> attributes();

    /** The authenticated user the transport saw, if any. */
    default Optional<Principal> principal() {
        return attributes().get(PRINCIPAL) instanceof Principal principal ? Optional.of(principal) : Optional.empty();
    }

    /** The client's IP address, if the transport knows it. */
    default Optional<String> address() {
        return attributes().get(ADDRESS) instanceof String address ? Optional.of(address) : Optional.empty();
    }

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
