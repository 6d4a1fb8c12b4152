package io.liveupdate.storage;

import io.liveupdate.input.PlainId;
import io.liveupdate.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * What of a storage item may reach other pages. Webix writes an item's {@code id} into the list's HTML unescaped and
 * reads its {@code $}-prefixed fields ({@code $css}, {@code $template}, {@code $height}, ...) as its own rendering
 * markers, so an item is handed out only with a plain id ({@link PlainId}) and without {@code $} fields: those are
 * one page's view state, never data to share. Applied when an operation comes in, and again to what is already
 * stored or logged (the snapshot for a new subscriber, the replay for one that missed messages), so that nothing
 * stored before this rule existed reaches a page either.
 */
final class ClientMarkers {

    static final String PREFIX = "$";

    private ClientMarkers() {
    }

    /** Whether a JSON id (string or number) is plain, as text. */
    static boolean isPlainId(JsonValue id) {
        if (id instanceof JsonString s) return PlainId.isPlain(s.getString());
        return id instanceof JsonNumber n && PlainId.isPlain(n.toString());
    }

    /** The object without its top-level {@code $} fields; the same instance when it has none. */
    static JsonObject withoutMarkers(JsonObject object) {
        if (object.keySet().stream().noneMatch(ClientMarkers::isMarker)) return object;
        var kept = Json.createObjectBuilder();
        object.forEach((key, value) -> {
            if (!isMarker(key)) kept.add(key, value);
        });
        return kept.build();
    }

    /** A stored item as a page may be given it: empty when its id is not plain, else without {@code $} fields. */
    static Optional<JsonObject> handedOut(JsonObject item) {
        return isPlainId(item.get(StorageOperation.ID)) ? Optional.of(withoutMarkers(item)) : Optional.empty();
    }

    /** An operation as it is relayed: without {@code $} fields, at the top and in its item; the same instance when it has none. */
    static JsonObject relayed(JsonObject update) {
        JsonObject top = withoutMarkers(update);
        if (!(top.get(StorageOperation.DATA) instanceof JsonObject item)) return top;
        JsonObject clean = withoutMarkers(item);
        return clean == item ? top : Json.createObjectBuilder(top).add(StorageOperation.DATA, clean).build();
    }

    /**
     * A logged operation as a page may be given it again (a replay): {@link #relayed}, or, when its ids are not
     * plain (logged before this rule), an empty object, which the proxy ignores and which still carries its number,
     * so the catch-up extension does not wait for it.
     */
    static JsonValue replayable(JsonValue logged) {
        if (!(logged instanceof JsonObject update) || !(update.get(StorageOperation.DATA) instanceof JsonObject item)) return logged;
        JsonValue top = update.get(StorageOperation.ID);
        JsonValue inner = item.get(StorageOperation.ID);
        boolean hasTop = top != null && top != JsonValue.NULL;
        boolean hasInner = inner != null && inner != JsonValue.NULL;
        if ((hasTop && !isPlainId(top)) || (hasInner && !isPlainId(inner)) || (!hasTop && !hasInner)) return JsonValue.EMPTY_JSON_OBJECT;
        return relayed(update);
    }

    private static boolean isMarker(String key) {
        return key.startsWith(PREFIX);
    }
}
