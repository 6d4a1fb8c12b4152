package io.liveupdate.live;

import io.liveupdate.bayeux.Bayeux;
import io.liveupdate.bayeux.ChannelId;
import io.liveupdate.bayeux.Connection;
import io.liveupdate.bayeux.Extension;
import io.liveupdate.bayeux.HandshakeListener;
import io.liveupdate.bayeux.SecurityPolicy;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.security.AccessControl;
import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Who a Bayeux client is, decided once at its handshake: the principal its HTTP request or WebSocket upgrade was
 * authenticated with (Basic or Bearer), else the user of the token in the handshake's {@code ext.authToken}. With
 * security on, a handshake that identifies nobody is refused ({@code 401::Authentication required}, advice
 * {@code reconnect: none}); the user is bound to the session, and every later message is judged by it.
 *
 * <p>It also refuses, before any other extension sees them, the publishes the policy refuses, so that the
 * {@code /broadcast} relay and the storages act only on what the publisher was allowed to send.
 */
public class LiveAuthentication implements Extension, HandshakeListener {

    static final String USER = LiveAuthentication.class.getName() + ".user";
    private static final Logger LOG = Logger.getLogger(LiveAuthentication.class.getName());

    private final AccessControl access;
    private final Supplier<SecurityPolicy> policy;
    private final java.util.function.Function<String, Optional<ServerSession>> sessions;

    public LiveAuthentication(AccessControl access, Supplier<SecurityPolicy> policy,
            java.util.function.Function<String, Optional<ServerSession>> sessions) {
        this.access = access;
        this.policy = policy;
        this.sessions = sessions;
    }

    /** The user bound to this session at its handshake, if any. */
    static Optional<String> user(ServerSession session) {
        return Optional.ofNullable((String) session.attributes().get(USER));
    }

    @Override
    public JsonObject incoming(JsonObject message, Connection connection) {
        String channel = message.get(Bayeux.CHANNEL) instanceof JsonString s ? s.getString() : null;
        if (channel == null || !access.enabled()) return message;
        if (Bayeux.META_HANDSHAKE.equals(channel)) {
            if (caller(message, connection).isPresent()) return message;
            LOG.info("Refused a Bayeux handshake that identified nobody");
            return Json.createObjectBuilder(message)
                    .add(Bayeux.ERROR, "401::Authentication required")
                    .add(Bayeux.ADVICE, Json.createObjectBuilder().add(Bayeux.RECONNECT, Bayeux.RECONNECT_NONE))
                    .build();
        }
        if (channel.startsWith("/meta/")) return message;
        Optional<ChannelId> id = ChannelId.parse(channel).filter(c -> !c.isWild());
        if (id.isEmpty()) return message; // the core answers an invalid channel
        String clientId = message.get(Bayeux.CLIENT_ID) instanceof JsonString s ? s.getString() : null;
        if (policy.get().canPublish(sessions.apply(clientId), id.get())) return message;
        return Json.createObjectBuilder(message).add(Bayeux.ERROR, "403:" + channel + ":Forbidden channel").build();
    }

    @Override
    public void handshaken(ServerSession session, JsonObject handshake, Connection connection) {
        caller(handshake, connection).ifPresent(user -> session.attributes().put(USER, user));
    }

    private Optional<String> caller(JsonObject handshake, Connection connection) {
        Principal principal = connection.principal().orElse(null);
        String token = handshake.get("ext") instanceof JsonObject ext && ext.get("authToken") instanceof JsonString t ? t.getString() : null;
        return access.liveCaller(principal, token);
    }
}
