package io.liveupdate.bayeux;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An outbound message, serialised once when it is made: a publish reaches every subscriber as the same
 * instance, so fan-out to N sessions costs one serialisation, not N. Immutable and thread-safe.
 */
public final class FrozenMessage {

    private final JsonObject object;
    private final String json;

    private FrozenMessage(JsonObject object) {
        this.object = object;
        this.json = object.toString();
    }

    public static FrozenMessage of(JsonObject object) {
        return new FrozenMessage(object);
    }

    /** The message as a JSON object, for tests and for transports that need to look inside. */
    public JsonObject object() {
        return object;
    }

    /** The message as JSON text, computed once. */
    public String json() {
        return json;
    }

    public String channel() {
        return object.get(Bayeux.CHANNEL) instanceof JsonString s ? s.getString() : null;
    }

    /** The transport payload: a JSON array of the messages, even for one or none. */
    public static String toJsonArray(List<FrozenMessage> messages) {
        return messages.stream().map(FrozenMessage::json).collect(Collectors.joining(",", "[", "]"));
    }

    @Override
    public String toString() {
        return json;
    }
}
