package io.liveupdate.bayeux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

/** A server on manual time, fed literal Bayeux JSON ({@code '} stands for {@code "} to keep tests readable). */
final class Wire {

    final ManualScheduler time = new ManualScheduler();
    final BayeuxServer server;

    Wire() {
        this(BayeuxSettings.defaults());
    }

    Wire(BayeuxSettings settings) {
        server = new BayeuxServer(settings, time);
        server.start();
    }

    BatchReply send(String payload) {
        return send(payload, Connection.polling(Map.of()));
    }

    BatchReply send(String payload, Connection connection) {
        return server.handle(Payload.parse(payload.replace('\'', '"')), connection);
    }

    /** The replies that are ready at once, with nothing held. */
    List<JsonObject> now(String payload) {
        var reply = send(payload);
        assertTrue(reply.held().isDone(), "nothing should be held");
        return objects(reply.immediate());
    }

    /** The single reply to a single message. */
    JsonObject one(String payload) {
        var replies = now(payload);
        assertEquals(1, replies.size(), replies.toString());
        return replies.get(0);
    }

    String handshake() {
        return one("{'channel':'/meta/handshake','version':'1.0','supportedConnectionTypes':['long-polling','websocket'],'id':'1'}")
                .getString("clientId");
    }

    String subscribed(String... channels) {
        String clientId = handshake();
        for (String channel : channels) {
            var reply = one("{'channel':'/meta/subscribe','clientId':'%s','subscription':'%s'}".formatted(clientId, channel));
            assertTrue(reply.getBoolean("successful"), reply.toString());
        }
        return clientId;
    }

    JsonObject publish(String channel, String data) {
        return one("{'channel':'%s','data':%s,'id':'p'}".formatted(channel, data));
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    static List<JsonObject> objects(List<FrozenMessage> messages) {
        return messages.stream().map(FrozenMessage::object).toList();
    }
}
