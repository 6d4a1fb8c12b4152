package io.liveupdate.remote;

import io.liveupdate.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/**
 * One frame from a RemoteEvents client, read leniently: {@code {"action":"subscribe"|"unsubscribe","name":..}},
 * {@code {"action":"call","body":[{"id":..,"name":..,"args":[..]}]}}; anything else is {@link Type#UNKNOWN}
 * (valid JSON, other action) or {@link Type#MALFORMED}, with the reason in {@link #problem()}.
 *
 * @param name the entity of a subscribe/unsubscribe
 * @param callIds the ids of a call's invocations, as sent, to answer each one
 */
record ClientMessage(Type type, String action, String name, List<JsonValue> callIds, String problem) {

    enum Type { SUBSCRIBE, UNSUBSCRIBE, CALL, UNKNOWN, MALFORMED }

    static final String SUBSCRIBE = "subscribe";
    static final String UNSUBSCRIBE = "unsubscribe";
    static final String CALL = "call";

    static ClientMessage parse(String text) {
        JsonObject json;
        try (var reader = Json.createReader(new StringReader(text))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) return malformed(null, "not a JSON object");
            json = value.asJsonObject();
        } catch (RuntimeException e) {
            // JsonException, IllegalStateException, or Parsson's plain RuntimeException for too deep a nesting
            return malformed(null, "not JSON");
        }
        if (!(json.get("action") instanceof JsonString action)) return malformed(null, "no action");
        return switch (action.getString()) {
            case SUBSCRIBE -> entity(Type.SUBSCRIBE, json);
            case UNSUBSCRIBE -> entity(Type.UNSUBSCRIBE, json);
            case CALL -> call(json);
            default -> new ClientMessage(Type.UNKNOWN, action.getString(), null, List.of(), "unknown action");
        };
    }

    private static ClientMessage entity(Type type, JsonObject json) {
        // The 7.2 client's "detach all" sends the entity as "key" instead of "name".
        JsonValue name = json.containsKey("name") ? json.get("name") : json.get("key");
        if (!(name instanceof JsonString s) || s.getString().isEmpty()) return malformed(json.getString("action"), "no entity name");
        return new ClientMessage(type, json.getString("action"), s.getString(), List.of(), null);
    }

    private static ClientMessage call(JsonObject json) {
        if (json.get("body") == null || json.get("body").getValueType() != JsonValue.ValueType.ARRAY) {
            return malformed(CALL, "a call's body is an array");
        }
        List<JsonValue> ids = json.getJsonArray("body").stream()
                .filter(v -> v.getValueType() == JsonValue.ValueType.OBJECT && v.asJsonObject().containsKey("id"))
                .map(v -> v.asJsonObject().get("id"))
                .toList();
        return new ClientMessage(Type.CALL, CALL, null, ids, null);
    }

    private static ClientMessage malformed(String action, String problem) {
        return new ClientMessage(Type.MALFORMED, action, null, List.of(), problem);
    }
}
