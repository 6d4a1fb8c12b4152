package io.liveupdate.it.faye;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * One line the Node side reported, e.g. {@code {"event":"message","channel":"/chat","data":{..},"receivedAt":..}}.
 *
 * @param type the {@code event} field: message, subscribed, publish-failed, handshake, transport:up, meta, ...
 * @param json the whole line
 * @param seenAtNanos {@link System#nanoTime()} when the Java side read the line
 */
public record FayeEvent(String type, JsonObject json, long seenAtNanos) {

    public static FayeEvent of(JsonObject json, long seenAtNanos) {
        return new FayeEvent(json.getString("event", "?"), json, seenAtNanos);
    }

    public boolean is(String eventType) {
        return type.equals(eventType);
    }

    public String ref() {
        return string("ref");
    }

    /** The concrete channel of a message (for a wildcard subscription, not the pattern). */
    public String channel() {
        return string("channel");
    }

    /** The pattern the client subscribed to that delivered this message. */
    public String subscription() {
        return string("subscription");
    }

    public String error() {
        return string("error");
    }

    public String clientId() {
        return string("clientId");
    }

    /** The {@code data} of a message, or null. */
    public JsonValue data() {
        return json.get("data");
    }

    /** The {@code data} of a message if it is an object, else null. */
    public JsonObject dataObject() {
        JsonValue data = json.get("data");
        return data != null && data.getValueType() == JsonValue.ValueType.OBJECT ? data.asJsonObject() : null;
    }

    /** {@code Date.now()} in the Node process when the message reached the subscriber callback. */
    public long receivedAt() {
        JsonValue value = json.get("receivedAt");
        return value instanceof JsonNumber n ? n.longValue() : -1;
    }

    /** The Bayeux message of a {@code meta} or {@code out} event. */
    public JsonObject message() {
        JsonValue value = json.get("message");
        return value != null && value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
    }

    private String string(String name) {
        JsonValue value = json.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
