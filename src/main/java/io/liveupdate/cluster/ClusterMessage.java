package io.liveupdate.cluster;

import io.liveupdate.bayeux.Bayeux;
import io.liveupdate.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * A message as subscribers get it, on its way to the other nodes: a Bayeux delivery ({@code channel}, {@code data},
 * the publisher's message {@code id} if it had one), which is also what the spill table keeps, as JSON text. The
 * receiving node hands out the same message, so a page gets the same bytes on every node.
 */
record ClusterMessage(JsonObject delivery) {

    /** @throws IllegalArgumentException when the object has no channel name or no data */
    static ClusterMessage of(JsonObject delivery) {
        if (!(delivery.get(Bayeux.CHANNEL) instanceof JsonString)) throw new IllegalArgumentException("no channel");
        if (!delivery.containsKey(Bayeux.DATA)) throw new IllegalArgumentException("no data");
        return new ClusterMessage(delivery);
    }

    /** @throws IllegalArgumentException when the text is not a delivery */
    static ClusterMessage parse(String json) {
        return of(object(json));
    }

    /** A delivery the server makes itself, as JSON text. */
    static String json(String channel, JsonValue data) {
        return Json.createObjectBuilder().add(Bayeux.CHANNEL, channel).add(Bayeux.DATA, data).build().toString();
    }

    String channel() {
        return delivery.getString(Bayeux.CHANNEL);
    }

    JsonValue data() {
        return delivery.get(Bayeux.DATA);
    }

    static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage(), e);
        }
    }
}
