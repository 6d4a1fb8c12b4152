package io.liveupdate.live;

import io.liveupdate.bayeux.Bayeux;
import io.liveupdate.bayeux.Connection;
import io.liveupdate.bayeux.Extension;
import io.liveupdate.bayeux.HandshakeListener;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.bayeux.transport.HandshakeAttributes;
import io.liveupdate.security.SecuritySettings;
import io.liveupdate.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Per-client limits of the Bayeux server, so one client cannot exhaust it: sessions per client address,
 * subscriptions per session, publishes per second per session. A message over a limit is refused with a
 * {@code 429} Bayeux error that says which limit; the session and everyone else carry on.
 *
 * <p>Sessions are counted per address lazily: each handshake from an address first forgets that address's ended
 * sessions, so the count needs no hook on session end and costs at most the limit's worth of checks.
 */
public class LiveLimits implements Extension, HandshakeListener {

    private static final Logger LOG = Logger.getLogger(LiveLimits.class.getName());
    private static final String RATE = LiveLimits.class.getName() + ".rate";

    private final SecuritySettings settings;
    private final Function<String, Optional<ServerSession>> sessions;
    private final ConcurrentHashMap<String, Set<ServerSession>> byAddress = new ConcurrentHashMap<>();

    public LiveLimits(SecuritySettings settings, Function<String, Optional<ServerSession>> sessions) {
        this.settings = settings;
        this.sessions = sessions;
    }

    @Override
    public JsonObject incoming(JsonObject message, Connection connection) {
        String channel = message.get(Bayeux.CHANNEL) instanceof JsonString s ? s.getString() : null;
        if (channel == null) return message;
        if (Bayeux.META_HANDSHAKE.equals(channel)) return handshake(message, connection);
        Optional<ServerSession> session = sessions.apply(message.get(Bayeux.CLIENT_ID) instanceof JsonString s ? s.getString() : null);
        if (session.isEmpty()) return message; // the core answers unknown clients
        if (Bayeux.META_SUBSCRIBE.equals(channel)) return subscribe(message, session.get());
        if (channel.startsWith("/meta/")) return message;
        var rate = (PublishRate) session.get().attributes().computeIfAbsent(RATE, k -> new PublishRate(settings.publishesPerSecond(), System::nanoTime));
        if (rate.tryTake()) return message;
        return refused(message, "429:" + channel + ":Too many publishes, at most " + settings.publishesPerSecond() + " per second");
    }

    @Override
    public void handshaken(ServerSession session, JsonObject handshake, Connection connection) {
        String address = (String) connection.attributes().get(HandshakeAttributes.ADDRESS);
        if (address != null) byAddress.computeIfAbsent(address, a -> ConcurrentHashMap.newKeySet()).add(session);
    }

    private JsonObject handshake(JsonObject message, Connection connection) {
        String address = (String) connection.attributes().get(HandshakeAttributes.ADDRESS);
        if (address == null) return message;
        var live = byAddress.computeIfPresent(address, (a, set) -> {
            set.removeIf(ServerSession::isClosed);
            return set.isEmpty() ? null : set;
        });
        if (live == null || live.size() < settings.maxSessionsPerAddress()) return message;
        LOG.info(() -> "Refused a Bayeux handshake from " + address + ": " + live.size() + " sessions already");
        return refused(message, "429::Too many sessions from this address, at most " + settings.maxSessionsPerAddress());
    }

    private JsonObject subscribe(JsonObject message, ServerSession session) {
        int wanted = message.get(Bayeux.SUBSCRIPTION) instanceof JsonArray array ? array.size() : 1;
        if (session.subscriptions().size() + wanted <= settings.maxSubscriptionsPerSession()) return message;
        String subscription = message.get(Bayeux.SUBSCRIPTION) instanceof JsonString s ? s.getString() : "";
        return refused(message, "429:" + subscription + ":Too many subscriptions, at most " + settings.maxSubscriptionsPerSession() + " per session");
    }

    private static JsonObject refused(JsonObject message, String error) {
        return Json.createObjectBuilder(message).add(Bayeux.ERROR, error).build();
    }
}
