package io.liveupdate.bayeux;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/**
 * An outbound message, serialised once when it is made: a publish reaches every subscriber as the same
 * instance, so fan-out to N sessions costs one serialisation, not N. Immutable and thread-safe.
 */
public final class FrozenMessage {

    private final JsonObject object;
    private final String json;
    /**
     * {@code [json]}, made on first use: an event written by itself to many sockets is wrapped once, not once per
     * socket. A racing second computation makes an equal string, so no synchronisation is needed.
     */
    private String alone;

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
        if (messages.size() == 1) return messages.get(0).alone();
        int length = 2;
        for (FrozenMessage m : messages) length += m.json.length() + 1;
        var array = new StringBuilder(length).append('[');
        for (int i = 0; i < messages.size(); i++) {
            if (i > 0) array.append(',');
            array.append(messages.get(i).json);
        }
        return array.append(']').toString();
    }

    private String alone() {
        String wrapped = alone;
        if (wrapped == null) alone = wrapped = "[" + json + "]";
        return wrapped;
    }

    @Override
    public String toString() {
        return json;
    }
}
