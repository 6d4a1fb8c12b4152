package io.liveupdate.storage;

import io.liveupdate.bayeux.Bayeux;
import io.liveupdate.json.Json;
import io.liveupdate.wire.CatchUpExt;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * A stored operation's entry in its storage's change log stream, {@code {"data":<what subscribers got>,
 * "id":<the publisher's message id>}}, and the publish it becomes again on any node: the same channel, data, id and
 * number and epoch ({@code ext.seq}, {@code ext.epoch}) the saving node's subscribers got, so a subscriber on another node receives the same bytes.
 * Only the publisher's {@code clientId} is not logged: on another node there is no publisher to leave out. The data
 * is handed out as {@link ClientMarkers#replayable} allows (what this code logs passes unchanged); entries logged
 * before the id was have none, and go out without one, as a replay sends them.
 */
final class LoggedPublish {

    private LoggedPublish() {
    }

    /** The log entry of a publish whose data is {@code relayed}. */
    static JsonObject entry(JsonValue relayed, JsonValue messageId) {
        var entry = Json.createObjectBuilder().add(StorageStreams.DATA, relayed);
        if (messageId != null && messageId != JsonValue.NULL) entry.add(Bayeux.ID, messageId);
        return entry.build();
    }

    /** The publish of the logged operation numbered {@code seq} on {@code channel}, as the core fans a client's publish out. */
    static JsonObject publishOf(String channel, long seq, String epoch, JsonObject entry) {
        var publish = Json.createObjectBuilder().add(Bayeux.CHANNEL, channel)
                .add(Bayeux.DATA, ClientMarkers.replayable(entry.getOrDefault(StorageStreams.DATA, JsonValue.EMPTY_JSON_OBJECT)));
        if (entry.containsKey(Bayeux.ID)) publish.add(Bayeux.ID, entry.get(Bayeux.ID));
        return publish.add(Bayeux.DELIVERY_EXT, CatchUpExt.seq(seq, epoch)).build();
    }
}
