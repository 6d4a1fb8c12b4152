package io.liveupdate.storage;

import io.liveupdate.bayeux.Bayeux;
import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.ChannelId;
import io.liveupdate.bayeux.Connection;
import io.liveupdate.bayeux.Extension;
import io.liveupdate.input.LogSafe;
import io.liveupdate.persistence.LoggedChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.liveupdate.json.Json;
import io.liveupdate.wire.CatchUpExt;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Stores what clients publish on storage channels ({@link StorageChannels}), before the publish is relayed:
 * <ul>
 *   <li>a Webix operation ({@link StorageOperation}) is applied to the database in its own transaction, then
 *       relayed to the channel's subscribers as it came but for its {@code $} fields ({@link ClientMarkers}), with its number in the storage ({@code ext.seq}, and its epoch {@code ext.epoch}, which
 *       js/live-catchup.js uses, see {@code live.StorageNumbering}); relayed by the storage's ordering point
 *       ({@link StorageOrder}, which every node's subscribers get it from, in the storage's order), so the core
 *       only acknowledges it ({@link Bayeux#DELIVERED});</li>
 *   <li>any other data is relayed and not stored;</li>
 *   <li>a malformed operation, or one on a channel name longer than {@link StorageChannels#MAX_LENGTH}, is refused
 *       with {@link StorageError#invalidOperation} ({@code 405:<channel>:Invalid storage operation});</li>
 *   <li>a database failure (after one retry, which settles a race between two first inserts of one item) is refused
 *       with {@link StorageError#storageFailed} ({@code 500:<channel>:Storage failed}).</li>
 * </ul>
 * A refused publish is neither stored nor relayed, and the publishing client gets the error. A publish the
 * security policy will refuse is left to the core (it answers 403) and never stored.
 */
@ApplicationScoped
public class StorageExtension implements Extension {

    private static final Logger LOG = Logger.getLogger(StorageExtension.class.getName());

    @Inject
    BayeuxServer bayeux;
    @Inject
    StorageService storage;
    @Inject
    StorageOrder order;

    @Override
    public JsonObject incoming(JsonObject message, Connection connection) {
        Optional<ChannelId> channel = ChannelId.parse(string(message, Bayeux.CHANNEL)).filter(StorageChannels::isStorage);
        if (channel.isEmpty() || !mayPublish(message, channel.get())) return message;
        String name = channel.get().toString();
        try {
            Optional<StorageOperation> operation = StorageOperation.parse(message.get(Bayeux.DATA));
            if (operation.isEmpty()) return message;
            if (!StorageChannels.fits(channel.get())) throw new InvalidStorageOperation("the channel name is too long");
            // Relayed and logged without the sender's $ markers, as stored (ClientMarkers).
            JsonObject relayed = ClientMarkers.relayed(message.getJsonObject(Bayeux.DATA));
            LoggedChange entry = store(name, operation.get(), LoggedPublish.entry(relayed, message.get(Bayeux.ID)));
            JsonObject numbered = Json.createObjectBuilder(message).add(Bayeux.DATA, relayed)
                    .add(Bayeux.DELIVERY_EXT, CatchUpExt.seq(entry.seq(), entry.epoch())).build();
            // Delivered through the storage's ordering point, never straight by the core: an operation another
            // node stored before this one reaches this node's subscribers first.
            order.committed(new StorageChange(name, entry.seq(), numbered, entry.epoch()));
            return Json.createObjectBuilder(numbered).add(Bayeux.DELIVERED, true).build();
        } catch (InvalidStorageOperation e) {
            LOG.info(() -> "Refused a storage operation on " + LogSafe.quoted(name) + ": " + LogSafe.text(e.getMessage()));
            return rejected(message, StorageError.invalidOperation(name));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not store an operation on " + LogSafe.quoted(name), e);
            return rejected(message, StorageError.storageFailed(name));
        }
    }

    private LoggedChange store(String channel, StorageOperation operation, JsonObject logged) {
        try {
            return storage.apply(channel, operation, logged);
        } catch (RuntimeException first) {
            LOG.log(Level.FINE, "Retrying a storage operation on " + LogSafe.quoted(channel), first);
            return storage.apply(channel, operation, logged);
        }
    }

    private boolean mayPublish(JsonObject message, ChannelId channel) {
        var publisher = bayeux.session(string(message, Bayeux.CLIENT_ID));
        return bayeux.securityPolicy().canPublish(publisher, channel);
    }

    private static JsonObject rejected(JsonObject message, String error) {
        return Json.createObjectBuilder(message).add(Bayeux.ERROR, error).build();
    }

    private static String string(JsonObject message, String field) {
        return message.get(field) instanceof JsonString s ? s.getString() : null;
    }
}
