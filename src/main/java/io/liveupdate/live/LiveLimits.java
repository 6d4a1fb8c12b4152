package io.liveupdate.live;

import io.liveupdate.bayeux.Bayeux;
import io.liveupdate.bayeux.BayeuxError;
import io.liveupdate.bayeux.ChannelId;
import io.liveupdate.bayeux.Connection;
import io.liveupdate.bayeux.Extension;
import io.liveupdate.bayeux.HandshakeListener;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.bayeux.SessionListener;
import io.liveupdate.bayeux.SubscriptionListener;
import io.liveupdate.input.LogSafe;
import io.liveupdate.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The limits of the Bayeux server, so that neither one client nor many can exhaust it: sessions per client address
 * (every transport, WebSocket included) and in all, subscriptions per session and in all, new subscriptions and
 * publishes per second per session. A message over a limit is refused with a {@code 429} Bayeux error that says
 * which limit; the session and everyone else carry on. A publish must name a live session ({@code clientId}):
 * one without is refused as Faye refuses other messages without one ({@code 402}, or {@code 401} for an unknown
 * client), so no publish escapes the per-session rate.
 *
 * <p>Everything counted is forgotten when its session ends ({@link SessionListener}), so an ended session holds
 * nothing here. The new-subscription rate bounds what one client can make the subscription listeners do (each new
 * subscription to a storage is a database query for its snapshot), however it batches its subscribes.
 */
public class LiveLimits implements Extension, HandshakeListener, SessionListener, SubscriptionListener {

    /**
     * The limits, from {@code SecuritySettings}.
     *
     * @param sessionsPerAddress sessions one client address may hold
     * @param sessions sessions the server holds in all
     * @param subscriptionsPerSession subscriptions one session may hold, and how many channels it may newly
     *        subscribe to per second (a re-handshaken client re-subscribes all of its channels at once)
     * @param subscriptions subscriptions the server holds in all
     * @param publishesPerSecond publishes per second (and burst) of one session
     */
    public record Limits(int sessionsPerAddress, int sessions, int subscriptionsPerSession, int subscriptions, int publishesPerSecond) {
    }

    private static final Logger LOG = Logger.getLogger(LiveLimits.class.getName());
    private static final String PUBLISH_RATE = LiveLimits.class.getName() + ".rate";
    private static final String SUBSCRIBE_RATE = LiveLimits.class.getName() + ".subscribeRate";
    private static final String SUBSCRIBED = LiveLimits.class.getName() + ".subscribed";
    /** The address of a session whose transport did not tell one: counted in all, not per address. */
    private static final String NO_ADDRESS = "";

    private final Limits limits;
    private final Function<String, Optional<ServerSession>> sessions;
    /** Every live session this counted, with its client address. */
    private final ConcurrentHashMap<ServerSession, String> addresses = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicInteger subscriptions = new AtomicInteger();
    private final LongSupplier nanoClock;

    public LiveLimits(Limits limits, Function<String, Optional<ServerSession>> sessions) {
        this(limits, sessions, System::nanoTime);
    }

    LiveLimits(Limits limits, Function<String, Optional<ServerSession>> sessions, LongSupplier nanoClock) {
        this.limits = limits;
        this.sessions = sessions;
        this.nanoClock = nanoClock;
    }

    @Override
    public JsonObject incoming(JsonObject message, Connection connection) {
        String channel = message.get(Bayeux.CHANNEL) instanceof JsonString s ? s.getString() : null;
        if (channel == null) return message;
        if (Bayeux.META_HANDSHAKE.equals(channel)) return handshake(message, connection);
        String clientId = message.get(Bayeux.CLIENT_ID) instanceof JsonString s ? s.getString() : null;
        Optional<ServerSession> session = sessions.apply(clientId);
        if (channel.startsWith("/meta/")) {
            // The core answers unknown clients of meta messages.
            return session.isPresent() && Bayeux.META_SUBSCRIBE.equals(channel) ? subscribe(message, session.get()) : message;
        }
        if (clientId == null) return refused(message, BayeuxError.parameterMissing(Bayeux.CLIENT_ID));
        if (session.isEmpty()) return refused(message, BayeuxError.clientUnknown(clientId));
        var rate = (PublishRate) session.get().attributes().computeIfAbsent(PUBLISH_RATE, k -> new PublishRate(limits.publishesPerSecond(), nanoClock));
        if (rate.tryTake(1)) return message;
        return refused(message, "429:" + channel + ":Too many publishes, at most " + limits.publishesPerSecond() + " per second");
    }

    @Override
    public void handshaken(ServerSession session, JsonObject handshake, Connection connection) {
        String address = addressOf(connection);
        addresses.put(session, address);
        if (!NO_ADDRESS.equals(address)) perAddress.merge(address, 1, Integer::sum);
        if (session.isClosed()) ended(session); // it ended before we counted it: forget it now
    }

    @Override
    public void ended(ServerSession session) {
        String address = addresses.remove(session);
        if (address != null && !NO_ADDRESS.equals(address)) perAddress.computeIfPresent(address, (a, n) -> n > 1 ? n - 1 : null);
        if (session.attributes().get(SUBSCRIBED) instanceof AtomicInteger held) subscriptions.addAndGet(-held.getAndSet(0));
    }

    @Override
    public void subscribed(ServerSession session, ChannelId channel) {
        subscribeRate(session).spend();
        subscribedBy(session).incrementAndGet();
        subscriptions.incrementAndGet();
        if (session.isClosed()) ended(session); // it ended meanwhile and may not be told again
    }

    @Override
    public void unsubscribed(ServerSession session, ChannelId channel) {
        if (subscribedBy(session).getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0) subscriptions.decrementAndGet();
    }

    /** How many sessions are counted; for tests and monitoring. */
    int sessionCount() {
        return addresses.size();
    }

    int sessionsFrom(String address) {
        return perAddress.getOrDefault(address, 0);
    }

    int subscriptionCount() {
        return subscriptions.get();
    }

    // Checked here, counted once the session exists (handshaken): concurrent handshakes can pass a limit by as many
    // as arrive at once, which is bounded by the server's request threads.
    private JsonObject handshake(JsonObject message, Connection connection) {
        if (addresses.size() >= limits.sessions()) {
            LOG.warning(() -> "Refused a Bayeux handshake: " + addresses.size() + " sessions on this server already");
            return refused(message, "429::Too many sessions on this server, at most " + limits.sessions());
        }
        String address = addressOf(connection);
        int from = NO_ADDRESS.equals(address) ? 0 : perAddress.getOrDefault(address, 0);
        if (from < limits.sessionsPerAddress()) return message;
        LOG.info(() -> "Refused a Bayeux handshake from " + LogSafe.quoted(address) + ": " + from + " sessions already");
        return refused(message, "429::Too many sessions from this address, at most " + limits.sessionsPerAddress());
    }

    private JsonObject subscribe(JsonObject message, ServerSession session) {
        int wanted = message.get(Bayeux.SUBSCRIPTION) instanceof JsonArray array ? array.size() : 1;
        String subscription = message.get(Bayeux.SUBSCRIPTION) instanceof JsonString s ? s.getString() : "";
        if (session.subscriptions().size() + wanted > limits.subscriptionsPerSession()) {
            return refused(message, "429:" + subscription + ":Too many subscriptions, at most " + limits.subscriptionsPerSession() + " per session");
        }
        if (subscriptions.get() + wanted > limits.subscriptions()) {
            LOG.warning(() -> "Refused a subscribe: " + subscriptions.get() + " subscriptions on this server already");
            return refused(message, "429:" + subscription + ":Too many subscriptions on this server, at most " + limits.subscriptions());
        }
        // Only subscriptions that are really new cost (subscribed() takes them): a repeated, forbidden or invalid
        // subscribe makes no snapshot query. Each message of a batch is checked after the previous one was taken.
        if (subscribeRate(session).holds(wanted)) return message;
        return refused(message, "429:" + subscription + ":Too many new subscriptions, at most " + limits.subscriptionsPerSession() + " per second");
    }

    private PublishRate subscribeRate(ServerSession session) {
        return (PublishRate) session.attributes().computeIfAbsent(SUBSCRIBE_RATE, k -> new PublishRate(limits.subscriptionsPerSession(), nanoClock));
    }

    private static AtomicInteger subscribedBy(ServerSession session) {
        return (AtomicInteger) session.attributes().computeIfAbsent(SUBSCRIBED, k -> new AtomicInteger());
    }

    private static String addressOf(Connection connection) {
        return connection.address().orElse(NO_ADDRESS);
    }

    private static JsonObject refused(JsonObject message, String error) {
        return Json.createObjectBuilder(message).add(Bayeux.ERROR, error).build();
    }
}
