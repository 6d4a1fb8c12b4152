package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Bayeux.*;

import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A client's publish to a non-meta channel. Accepted without a (known) clientId, as Faye does, unless the policy
 * refuses. {@code /service/**} messages are acknowledged but never broadcast.
 */
final class Publish {

    private static final Logger LOG = Logger.getLogger(Publish.class.getName());

    private final SessionRegistry sessions;
    private final FanOut fanOut;
    private final Supplier<SecurityPolicy> policy;
    private final List<PublishListener> listeners;

    Publish(SessionRegistry sessions, FanOut fanOut, Supplier<SecurityPolicy> policy, List<PublishListener> listeners) {
        this.sessions = sessions;
        this.fanOut = fanOut;
        this.policy = policy;
        this.listeners = listeners;
    }

    JsonObject handle(JsonObject message) {
        String name = Messages.string(message, CHANNEL);
        Optional<ChannelId> channel = ChannelId.parse(name).filter(c -> !c.isWild());
        String error = null;
        if (channel.isEmpty()) error = BayeuxError.channelInvalid(name);
        if (name == null) error = BayeuxError.parameterMissing(CHANNEL);
        if (!message.containsKey(DATA)) error = BayeuxError.parameterMissing(DATA);
        // Faye sends anything under /meta to its meta handling first, which refuses unknown names outright.
        if (channel.isPresent() && channel.get().isMeta()) error = BayeuxError.channelForbidden(name);
        Optional<ServerSession> publisher = sessions.find(Messages.string(message, CLIENT_ID));
        if (error == null && !policy.get().canPublish(publisher, channel.get())) error = BayeuxError.channelForbidden(name);
        if (error != null) return Reply.failure(message, error).build();

        if (!channel.get().isService() && !message.containsKey(DELIVERED)) broadcast(FrozenMessage.of(delivery(message)), channel.get(), publisher);
        return Reply.success(message).build();
    }

    private void broadcast(FrozenMessage delivery, ChannelId channel, Optional<ServerSession> publisher) {
        fanOut.deliver(delivery, channel, publisher);
        tellListeners(channel, delivery);
    }

    /** Each listener isolated: one that throws is logged and keeps neither the reply nor the others from going on. */
    void tellListeners(ChannelId channel, FrozenMessage delivery) {
        for (PublishListener listener : listeners) {
            try {
                listener.published(channel, delivery);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "publish listener " + listener + " failed on " + channel, e);
            }
        }
    }

    /**
     * What subscribers receive: channel, data and, as Faye does, the publisher's id. Never {@code successful}
     * (clients would take the event for a reply), never the publisher's clientId, and never the publisher's
     * {@code ext}, which clients use for credentials and which Faye leaks to every subscriber; an {@code ext} that
     * an extension gave the delivery ({@link Bayeux#DELIVERY_EXT}) instead.
     */
    static JsonObject delivery(JsonObject message) {
        var event = Json.createObjectBuilder().add(CHANNEL, message.get(CHANNEL)).add(DATA, message.get(DATA));
        JsonValue id = message.get(ID);
        if (id != null && id != JsonValue.NULL) event.add(ID, id);
        if (message.get(DELIVERY_EXT) instanceof JsonObject ext) event.add(EXT, ext);
        return event.build();
    }
}
