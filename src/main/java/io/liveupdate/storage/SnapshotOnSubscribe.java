package io.liveupdate.storage;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.ChannelId;
import io.liveupdate.bayeux.ServerSession;
import io.liveupdate.bayeux.SubscriptionListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.liveupdate.input.LogSafe;
import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.logging.Logger;

/**
 * When a client's subscribe to a storage channel succeeds, delivers to that client alone
 * ({@link ServerSession#deliver}) one message per stored item, in insertion order:
 * {@code {"operation":"insert","id":<id>,"data":{...item...},"clientId":"server"}}. The Webix faye proxy adds each
 * item as if another client had inserted it; {@code clientId} {@value #SERVER_CLIENT_ID} is never a page's own.
 * The snapshot is never published: the channel's other subscribers already have these items.
 *
 * <p>This works with the unmodified Faye 1.x client because it registers the channel's listener before it sends
 * {@code /meta/subscribe}. Only a subscription to a plain name gets a snapshot, not a pattern ({@code /chat/*}).
 * A session's queue is bounded, so a snapshot holds at most half of {@code liveupdate.bayeux.max-queue} items,
 * the newest ones (a warning is logged when a storage is larger). Items are handed out as {@link ClientMarkers}
 * allows: one whose id is not plain is left out, {@code $} fields are dropped.
 */
@ApplicationScoped
public class SnapshotOnSubscribe implements SubscriptionListener {

    /** The clientId of snapshot messages, so no page takes them for its own echo. */
    public static final String SERVER_CLIENT_ID = "server";

    private static final Logger LOG = Logger.getLogger(SnapshotOnSubscribe.class.getName());

    @Inject
    BayeuxServer bayeux;
    @Inject
    StorageService storage;

    @Override
    public void subscribed(ServerSession session, ChannelId channel) {
        if (!StorageChannels.isStorage(channel) || !StorageChannels.fits(channel)) return;
        deliverTo(session, channel);
    }

    /** The stored items of the storage, to this session alone. */
    public void deliverTo(ServerSession session, ChannelId channel) {
        int limit = Math.max(1, bayeux.settings().maxQueue() / 2);
        var items = storage.items(channel.toString(), limit);
        if (items.size() == limit) LOG.warning(() -> "Storage " + LogSafe.quoted(channel) + " may hold more than the " + limit + " items a snapshot carries");
        for (JsonObject stored : items) {
            // An item stored before ids had to be plain is kept, but no page is handed it.
            var item = ClientMarkers.handedOut(stored);
            if (item.isPresent() && !session.deliver(channel.toString(), insertOf(item.get()))) return;
        }
    }

    /** The message that hands one stored item to a subscriber. */
    static JsonObject insertOf(JsonObject item) {
        return Json.createObjectBuilder()
                .add(StorageOperation.OPERATION, StorageOperation.Kind.INSERT.wireName())
                .add(StorageOperation.ID, item.getOrDefault(StorageOperation.ID, JsonValue.NULL))
                .add(StorageOperation.DATA, item)
                .add("clientId", SERVER_CLIENT_ID)
                .build();
    }
}
