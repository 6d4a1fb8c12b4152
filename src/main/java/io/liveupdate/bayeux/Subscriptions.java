package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Bayeux.*;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code /meta/subscribe} and {@code /meta/unsubscribe}, with a channel or an array of them. Validates in Faye's
 * order, but all channels before changing any, so a rejected request leaves no partial subscription. Both are
 * idempotent; listeners hear only of subscriptions that are new or really ended.
 */
final class Subscriptions {

    private static final Logger LOG = Logger.getLogger(Subscriptions.class.getName());

    private final SessionRegistry sessions;
    private final ChannelRegistry channels;
    private final Supplier<SecurityPolicy> policy;
    private final List<SubscriptionListener> listeners;

    Subscriptions(SessionRegistry sessions, ChannelRegistry channels, Supplier<SecurityPolicy> policy, List<SubscriptionListener> listeners) {
        this.sessions = sessions;
        this.channels = channels;
        this.policy = policy;
        this.listeners = listeners;
    }

    JsonObject handle(JsonObject message, boolean subscribe) {
        String clientId = Messages.string(message, CLIENT_ID);
        Optional<ServerSession> session = sessions.find(clientId);
        JsonValue requested = message.get(SUBSCRIPTION);
        String error = null;
        if (session.isEmpty()) error = BayeuxError.clientUnknown(clientId);
        if (clientId == null) error = BayeuxError.parameterMissing(CLIENT_ID);
        if (Messages.isMissing(requested)) error = BayeuxError.parameterMissing(SUBSCRIPTION);
        var wanted = new ArrayList<ChannelId>();
        if (error == null) error = check(requested, session.get(), subscribe, wanted);

        var reply = Reply.to(message).add(SUBSCRIPTION, Messages.isMissing(requested) ? JsonValue.EMPTY_JSON_ARRAY : requested);
        if (error != null) return reply.add(ERROR, error).add(SUCCESSFUL, false).build();
        var changed = new ArrayList<ChannelId>();
        for (ChannelId channel : wanted) {
            if (subscribe ? channels.subscribe(session.get(), channel) : channels.unsubscribe(session.get(), channel)) changed.add(channel);
        }
        var built = reply.add(SUCCESSFUL, true).build();
        notify(session.get(), changed, subscribe);
        return built;
    }

    private String check(JsonValue requested, ServerSession session, boolean subscribe, List<ChannelId> wanted) {
        List<JsonValue> names = requested instanceof JsonArray array ? array : List.of(requested);
        for (JsonValue value : names) {
            String name = Messages.text(value);
            Optional<ChannelId> channel = value.getValueType() == JsonValue.ValueType.STRING ? ChannelId.parse(name) : Optional.empty();
            if (channel.isEmpty()) return BayeuxError.channelInvalid(name);
            if (channel.get().isMeta() || channel.get().isService()) return BayeuxError.channelForbidden(name);
            if (subscribe && !policy.get().canSubscribe(session, channel.get())) return BayeuxError.channelForbidden(name);
            wanted.add(channel.get());
        }
        return null;
    }

    private void notify(ServerSession session, List<ChannelId> changed, boolean subscribed) {
        for (ChannelId channel : changed) {
            for (SubscriptionListener listener : listeners) {
                try {
                    if (subscribed) listener.subscribed(session, channel); else listener.unsubscribed(session, channel);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "subscription listener failed for " + session + " on " + channel, e);
                }
            }
        }
    }
}
