package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Bayeux.*;

import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Bayeux server: takes batches from the transports, keeps the sessions, and fans out publishes.
 *
 * <p>Transports call {@link #handle}; the rest of the application publishes with {@link #publish} and shapes
 * what clients may do with {@link #setSecurityPolicy}, {@link #addExtension}, {@link #addSubscriptionListener},
 * learns of sessions with {@link #addHandshakeListener} and {@link #addSessionListener}, and of client publishes
 * with {@link #addPublishListener}. Thread-safe, with no
 * global lock: registries are concurrent maps and each session guards only its own queue.
 *
 * <p>In the application, produce one as an {@code @ApplicationScoped} bean from a method that builds it with
 * {@link Scheduler#of} over the server's {@code ManagedScheduledExecutorService} and calls {@link #start()}, with a
 * disposer calling {@link #stop()}. The protected constructor exists only for CDI's client proxies.
 */
public class BayeuxServer {

    private static final Logger LOG = Logger.getLogger(BayeuxServer.class.getName());
    private static final long FLUSH_POLL_MILLIS = 5;

    private final BayeuxSettings settings;
    private final Scheduler scheduler;
    private final ChannelRegistry channels = new ChannelRegistry();
    private final SessionRegistry sessions;
    private final FanOut fanOut;
    private final List<Extension> extensions = new CopyOnWriteArrayList<>();
    private final List<SubscriptionListener> subscriptionListeners = new CopyOnWriteArrayList<>();
    private final List<HandshakeListener> handshakeListeners = new CopyOnWriteArrayList<>();
    private final List<SessionListener> sessionListeners = new CopyOnWriteArrayList<>();
    private final List<PublishListener> publishListeners = new CopyOnWriteArrayList<>();
    private final Handshake handshake;
    private final Connect connect;
    private final Subscriptions subscriptions;
    private final Publish publish;
    private volatile SecurityPolicy policy = SecurityPolicy.ALLOW_ALL;
    private volatile BayeuxMetrics metrics = BayeuxMetrics.NONE;
    private volatile Scheduler.Cancellable sweep;
    private volatile boolean running;

    protected BayeuxServer() {
        // Never started: a proxy delegates every call to the real instance.
        this(BayeuxSettings.defaults(), Scheduler.of(null));
    }

    public BayeuxServer(BayeuxSettings settings, Scheduler scheduler) {
        this.settings = Objects.requireNonNull(settings);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.sessions = new SessionRegistry(channels, settings, scheduler, this::metrics, sessionListeners);
        this.fanOut = new FanOut(channels, settings, this::metrics);
        this.handshake = new Handshake(settings, sessions);
        this.connect = new Connect(settings, sessions);
        this.subscriptions = new Subscriptions(sessions, channels, this::securityPolicy, subscriptionListeners);
        this.publish = new Publish(sessions, fanOut, this::securityPolicy, publishListeners);
    }

    /** Starts sweeping expired sessions, every {@link BayeuxSettings#sweepPeriodMillis()}. */
    public void start() {
        running = true;
        scheduleSweep();
    }

    /**
     * Stops sweeping and ends every session. Their held connects are answered at once with
     * {@code reconnect:"handshake"}, so clients come back by themselves when the server (or the redeployed
     * application) is there again, instead of finding out one timeout later.
     */
    public void stop() {
        running = false;
        var pending = sweep;
        if (pending != null) pending.cancel();
        for (ServerSession session : sessions.all()) sessions.destroyForRestart(session);
    }

    /**
     * Waits, at most {@code timeoutMillis}, until every socket has written what was published to it: called when the
     * application stops, after its saves have been answered and before the container closes the sockets, so that the
     * changes those saves published reach the pages over WebSocket instead of dying in a queue.
     *
     * @return how many sessions still had something to write when the time was up (0: all flushed)
     */
    public int awaitSocketsFlushed(long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (true) {
            int unflushed = 0;
            for (ServerSession session : sessions.all()) {
                if (!session.isFlushed()) unflushed++;
            }
            if (unflushed == 0 || System.nanoTime() - deadline >= 0) return unflushed;
            Thread.sleep(FLUSH_POLL_MILLIS); // once, at shutdown, on the stopping thread: a short poll beats a hook in every write
        }
    }

    /**
     * Handles one transport payload. Messages are handled in order, except that {@code /meta/connect}s come last,
     * so a connect in the same batch as a subscribe or publish already sees their effect (and Faye's client
     * expects the connect reply after the others).
     *
     * @param messages the parsed payload, see {@link Payload#parse}
     * @param connection the connection it came on
     * @return the replies, some of which may be held
     */
    public BatchReply handle(List<JsonObject> messages, Connection connection) {
        var replies = new ArrayList<FrozenMessage>();
        var held = new ArrayList<CompletableFuture<List<FrozenMessage>>>();
        var connects = new ArrayList<JsonObject>();
        metrics.received(messages.size());
        for (JsonObject received : messages) {
            JsonObject message = incoming(received, connection);
            if (message == null) continue;
            if (META_CONNECT.equals(Messages.string(message, CHANNEL)) && !message.containsKey(ERROR)) {
                connects.add(message);
            } else {
                replies.addAll(safely(message, connection).join());
            }
        }
        for (JsonObject message : connects) held.add(safely(message, connection));
        return new BatchReply(replies, held);
    }

    /**
     * Publishes {@code {channel, data}} from the server to every subscriber. Not subject to the security policy
     * or extensions.
     *
     * @param channel a plain channel name, neither meta, service nor a pattern
     * @return how many sessions took the message
     * @throws IllegalArgumentException if the channel is not a name that can be broadcast
     */
    public int publish(String channel, JsonValue data) {
        return publish(channel, data, null);
    }

    /**
     * As {@link #publish(String, JsonValue)}, with an {@code ext} object in the message (e.g. a sequence number that
     * a client extension reads); Faye's client hands {@code ext} to its extensions, not to subscribers.
     */
    public int publish(String channel, JsonValue data, JsonObject ext) {
        ChannelId id = broadcastChannel(channel);
        var message = Json.createObjectBuilder().add(CHANNEL, channel).add(DATA, data);
        if (ext != null) message.add(EXT, ext);
        return fanOut.deliver(FrozenMessage.of(message.build()), id, Optional.empty());
    }

    /**
     * As {@link #publish(String, JsonValue)}, for a message meant for the subscribers of every server, not only this
     * one's: the {@link PublishListener}s are told of it as of a client's publish, and they carry it to the others.
     * For server-side work that runs on the one server a client's publish reached (a relay of that publish), whose
     * result is in no change log that would reach the other servers.
     *
     * @return how many sessions of this server took the message
     */
    public int publishToEveryServer(String channel, JsonValue data) {
        ChannelId id = broadcastChannel(channel);
        var delivery = FrozenMessage.of(Json.createObjectBuilder().add(CHANNEL, channel).add(DATA, data).build());
        int taken = fanOut.deliver(delivery, id, Optional.empty());
        publish.tellListeners(id, delivery);
        return taken;
    }

    private static ChannelId broadcastChannel(String channel) {
        ChannelId id = ChannelId.of(channel);
        if (id.isWild() || id.isMeta() || id.isService()) throw new IllegalArgumentException("not a broadcast channel: " + channel);
        return id;
    }

    /**
     * Hands a client's publish to the channel's subscribers exactly as the core does once the extensions have let
     * it through: the same message (channel, data, the publisher's message {@code id}, the {@link Bayeux#DELIVERY_EXT}
     * as {@code ext}), the publisher skipped unless {@link BayeuxSettings#broadcastToPublisher()}. For an extension
     * that delivers publishes in an order of its own (it then marks them {@link Bayeux#DELIVERED}), and for a publish
     * that another node accepted (no {@code clientId} of this node's). Not subject to the policy or extensions.
     *
     * @param message a publish on a plain channel name, neither meta, service nor a pattern
     * @return how many sessions took the message
     * @throws IllegalArgumentException if the channel is not a name that can be broadcast
     */
    public int deliverPublish(JsonObject message) {
        String channel = Messages.string(message, CHANNEL);
        ChannelId id = ChannelId.parse(channel).orElseThrow(() -> new IllegalArgumentException("not a channel: " + channel));
        if (id.isWild() || id.isMeta() || id.isService() || !message.containsKey(DATA)) {
            throw new IllegalArgumentException("not a publish to broadcast: " + channel);
        }
        return fanOut.deliver(FrozenMessage.of(Publish.delivery(message)), id, sessions.find(Messages.string(message, CLIENT_ID)));
    }

    /** The live session with this clientId, if any. */
    public Optional<ServerSession> session(String clientId) {
        return sessions.find(clientId);
    }

    public int sessionCount() {
        return sessions.all().size();
    }

    /** The live sessions; a read-only, weakly consistent view, for monitoring. */
    public Collection<ServerSession> sessions() {
        return Collections.unmodifiableCollection(sessions.all());
    }

    /** Counts of the live sessions, for monitoring: it reads these and never a session. */
    public BayeuxFigures figures() {
        return new SessionFigures(this);
    }

    public BayeuxSettings settings() {
        return settings;
    }

    public SecurityPolicy securityPolicy() {
        return policy;
    }

    public void setSecurityPolicy(SecurityPolicy policy) {
        this.policy = Objects.requireNonNull(policy);
    }

    public BayeuxMetrics metrics() {
        return metrics;
    }

    /** Who is told about sessions and traffic; {@link BayeuxMetrics#NONE} by default. */
    public void setMetrics(BayeuxMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics);
    }

    public void addExtension(Extension extension) {
        extensions.add(Objects.requireNonNull(extension));
    }

    public void addSubscriptionListener(SubscriptionListener listener) {
        subscriptionListeners.add(Objects.requireNonNull(listener));
    }

    public void addHandshakeListener(HandshakeListener listener) {
        handshakeListeners.add(Objects.requireNonNull(listener));
    }

    /** Told when any session ends, see {@link SessionListener}. */
    public void addSessionListener(SessionListener listener) {
        sessionListeners.add(Objects.requireNonNull(listener));
    }

    /** Told of every client publish delivered here (and of {@link #publishToEveryServer}), see {@link PublishListener}. */
    public void addPublishListener(PublishListener listener) {
        publishListeners.add(Objects.requireNonNull(listener));
    }

    int subscriberCount(String channel) {
        return channels.subscriberCount(channel);
    }

    int channelCount() {
        return channels.channelCount();
    }

    void sweep() {
        long now = scheduler.now();
        for (ServerSession session : sessions.all()) {
            if (session.isExpired(now, settings.maxIntervalMillis())) sessions.destroy(session, false);
        }
    }

    /**
     * The meta channels, matched exactly; anything else is a publish. Only a connect can be held, every other
     * reply is complete when this returns.
     */
    private CompletableFuture<List<FrozenMessage>> dispatch(JsonObject message, Connection connection) {
        String channel = Messages.string(message, CHANNEL);
        JsonObject reply = switch (channel == null ? "" : channel) {
            case META_CONNECT -> null;
            case META_HANDSHAKE -> handshaken(handshake.handle(message), message, connection);
            case META_SUBSCRIBE -> subscriptions.handle(message, true);
            case META_UNSUBSCRIBE -> subscriptions.handle(message, false);
            case META_DISCONNECT -> disconnect(message);
            default -> publish.handle(message);
        };
        return reply == null ? connect.handle(message, connection) : now(reply);
    }

    /** Tells the handshake listeners of a new session; if one fails, the session ends and the handshake fails. */
    private JsonObject handshaken(JsonObject reply, JsonObject message, Connection connection) {
        Optional<ServerSession> session = sessions.find(Messages.string(reply, CLIENT_ID));
        if (session.isEmpty() || handshakeListeners.isEmpty()) return reply;
        try {
            for (HandshakeListener listener : handshakeListeners) listener.handshaken(session.get(), message, connection);
            return reply;
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "handshake listener failed for " + session.get(), e);
            sessions.destroy(session.get(), true);
            return Reply.failure(message, BayeuxError.serverError()).build();
        }
    }

    private static CompletableFuture<List<FrozenMessage>> now(JsonObject reply) {
        return CompletableFuture.completedFuture(List.of(FrozenMessage.of(reply)));
    }

    private JsonObject disconnect(JsonObject message) {
        String clientId = Messages.string(message, CLIENT_ID);
        Optional<ServerSession> session = sessions.find(clientId);
        String error = session.isEmpty() ? BayeuxError.clientUnknown(clientId) : null;
        if (clientId == null) error = BayeuxError.parameterMissing(CLIENT_ID);
        if (error != null) return Reply.failure(message, error).remove(CLIENT_ID).build();
        sessions.destroy(session.get(), true);
        return Reply.success(message).build();
    }

    private CompletableFuture<List<FrozenMessage>> safely(JsonObject message, Connection connection) {
        if (message.containsKey(ERROR)) return now(rejected(message));
        try {
            return dispatch(message, connection);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "could not handle " + message, e);
            return now(Reply.failure(message, BayeuxError.serverError()).build());
        }
    }

    /** An extension set an error: the message is answered with it, and with the advice the extension gave, if any. */
    private static JsonObject rejected(JsonObject message) {
        var reply = Reply.failure(message, Messages.text(message.get(ERROR)));
        if (message.get(ADVICE) instanceof JsonObject advice) reply.add(ADVICE, advice);
        return reply.build();
    }

    private JsonObject incoming(JsonObject message, Connection connection) {
        // Only extensions may say what subscribers get in ext, or that they delivered it, never the client itself.
        JsonObject current = message.containsKey(DELIVERY_EXT) || message.containsKey(DELIVERED)
                ? Json.createObjectBuilder(message).remove(DELIVERY_EXT).remove(DELIVERED).build()
                : message;
        for (Extension extension : extensions) {
            try {
                current = extension.incoming(current, connection);
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "extension " + extension + " failed on " + message, e);
                return Json.createObjectBuilder(message).add(ERROR, BayeuxError.serverError()).build();
            }
            if (current == null || current.containsKey(ERROR)) return current;
        }
        return current;
    }

    private void scheduleSweep() {
        if (!running) return;
        sweep = scheduler.schedule(() -> {
            try {
                sweep();
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "session sweep failed", e);
            } finally {
                scheduleSweep();
            }
        }, settings.sweepPeriodMillis());
    }
}
