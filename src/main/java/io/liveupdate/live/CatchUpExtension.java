package io.liveupdate.live;

import static io.liveupdate.bayeux.Bayeux.*;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.Connection;
import io.liveupdate.bayeux.Extension;
import io.liveupdate.input.LogSafe;
import io.liveupdate.wire.CatchUpExt;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads the catch-up requests of {@link CatchUpExt}: a {@code /meta/subscribe} to a numbered channel (a calendar, a storage) with
 * {@code ext.lastSeq} is remembered on the session for {@link CatchUpOnSubscribe}, which replays once the
 * subscription is recorded; a publish on {@value CatchUpExt#REQUEST_CHANNEL} by a subscribed session is replayed at
 * once. Messages pass on unchanged.
 */
@ApplicationScoped
public class CatchUpExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(CatchUpExtension.class.getName());

    @Inject
    BayeuxServer bayeux;
    @Inject
    ChannelReplay replay;

    static String attributeFor(String channel) {
        return CatchUpExt.LAST_SEQ + ":" + channel;
    }

    @Override
    public JsonObject incoming(JsonObject message, Connection connection) {
        String channel = message.get(CHANNEL) instanceof JsonString s ? s.getString() : "";
        String clientId = message.get(CLIENT_ID) instanceof JsonString s ? s.getString() : null;
        if (clientId == null) return message;
        if (META_SUBSCRIBE.equals(channel) && message.get(EXT) instanceof JsonObject ext
                && message.get(SUBSCRIPTION) instanceof JsonString subscription) {
            var lastSeq = CatchUpExt.lastSeqIn(ext);
            boolean wanted = lastSeq.isPresent() || ext.getBoolean(CatchUpExt.CATCH_UP, false);
            if (wanted && replay.isNumbered(subscription.getString())) {
                // -1: no change seen yet, tell it where the channel stands
                var from = new ClientPosition(lastSeq.orElse(-1), CatchUpExt.epochIn(ext).orElse(null));
                bayeux.session(clientId).ifPresent(session -> session.attributes().put(attributeFor(subscription.getString()), from));
            }
        } else if (CatchUpExt.REQUEST_CHANNEL.equals(channel) && message.get(DATA) instanceof JsonObject data
                && data.get(CHANNEL) instanceof JsonString wanted) {
            var lastSeq = CatchUpExt.lastSeqIn(data);
            var session = bayeux.session(clientId);
            if (lastSeq.isPresent() && replay.isNumbered(wanted.getString()) && session.isPresent()
                    && session.get().subscriptions().stream().anyMatch(s -> s.toString().equals(wanted.getString()))) {
                try {
                    replay.replay(session.get(), wanted.getString(), lastSeq.getAsLong(), CatchUpExt.epochIn(data).orElse(null));
                } catch (RuntimeException e) {
                    // The client asks again at its next gap or reconnect; the request itself is still acknowledged.
                    LOG.log(Level.WARNING, "Could not replay " + LogSafe.quoted(wanted.getString()) + " to " + LogSafe.quoted(clientId), e);
                }
            }
        }
        return message;
    }
}
