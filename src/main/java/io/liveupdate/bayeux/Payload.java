package io.liveupdate.bayeux;

import io.liveupdate.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** Reads a transport payload into messages: peers must accept an array and may accept a single object. */
public final class Payload {

    private Payload() {
    }

    /**
     * The messages of a payload, in order.
     *
     * @throws IllegalArgumentException if the text is not JSON, or not an object or an array of objects
     */
    public static List<JsonObject> parse(String text) {
        JsonValue value;
        try (var reader = Json.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            // JsonException, or Parsson's plain RuntimeException for input nested deeper than its limit (1000)
            throw new IllegalArgumentException("not a Bayeux payload: " + e.getMessage(), e);
        }
        if (value instanceof JsonObject object) return List.of(object);
        if (value instanceof JsonArray array && array.stream().allMatch(JsonObject.class::isInstance)) {
            return array.getValuesAs(JsonObject.class);
        }
        throw new IllegalArgumentException("not a Bayeux payload: expected an object or an array of objects");
    }
}
