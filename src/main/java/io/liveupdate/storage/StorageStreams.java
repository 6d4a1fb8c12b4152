package io.liveupdate.storage;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Each storage's change log stream, {@value #PREFIX}{@code <channel>}: every stored operation as its subscribers got
 * it, numbered, so a client that missed some is sent them again ({@code live.StorageNumbering}) and every node relays
 * them in order ({@link StorageOrder}).
 */
public final class StorageStreams {

    static final String PREFIX = "storage:";
    /** The logged entry's field with what subscribers were sent as the publish's data. */
    static final String DATA = "data";

    private StorageStreams() {
    }

    /** The stream of a channel known to be a storage. */
    public static String of(String channel) {
        return PREFIX + channel;
    }

    /** What subscribers were sent for a logged operation, to send it again, as {@link ClientMarkers} hands it out. */
    public static JsonValue replayableData(JsonObject entry) {
        return ClientMarkers.replayable(entry.get(DATA));
    }

    static boolean isStorage(String stream) {
        return stream.startsWith(PREFIX);
    }

    static String channelOf(String stream) {
        return stream.substring(PREFIX.length());
    }
}
