package io.liveupdate.cluster;

import io.liveupdate.bayeux.Bayeux;
import io.liveupdate.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * A message as subscribers get it, on its way to the other nodes: a channel and its data, as JSON text
 * ({@code {"channel":..,"data":..}}, a Bayeux delivery), which is what the spill table keeps.
 */
record ClusterMessage(String channel, JsonValue data) {

    static ClusterMessage of(JsonObject delivery) {
        if (!(delivery.get(Bayeux.CHANNEL) instanceof JsonString channel)) throw new IllegalArgumentException("no channel");
        JsonValue data = delivery.get(Bayeux.DATA);
        if (data == null) throw new IllegalArgumentException("no data");
        return new ClusterMessage(channel.getString(), data);
    }

    /** @throws IllegalArgumentException when the text is not a delivery */
    static ClusterMessage parse(String json) {
        return of(object(json));
    }

    /** The delivery as JSON text. */
    static String json(String channel, JsonValue data) {
        return Json.createObjectBuilder().add(Bayeux.CHANNEL, channel).add(Bayeux.DATA, data).build().toString();
    }

    static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
    }
}
