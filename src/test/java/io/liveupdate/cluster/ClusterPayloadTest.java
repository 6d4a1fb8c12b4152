package io.liveupdate.cluster;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notifications between nodes: what a node writes, another reads back, and what it refuses to read. */
class ClusterPayloadTest {

    private static final String DELIVERY = "{\"channel\":\"/chat\",\"data\":{\"text\":\"h\\u00e9 \\\"quoted\\\" </script>\",\"n\":[1,2.5,null]},\"id\":\"7\"}";

    @Test
    void anInlineMessageReadsBackAsTheDeliveryAndItsOrigin() {
        String payload = ClusterPayload.inline("node-a", DELIVERY);
        assertEquals("{\"node\":\"node-a\",\"message\":" + DELIVERY + "}", payload);

        var notice = ClusterPayload.parse(payload);
        assertEquals("node-a", notice.node());
        assertFalse(notice.isSpilled());
        var message = ClusterMessage.of(notice.message());
        assertEquals("/chat", message.channel());
        assertEquals(object(DELIVERY), message.delivery(), "channel, data and the publisher's message id, as subscribers got them");
    }

    @Test
    void aSpilledMessageNamesItsRow() {
        String payload = ClusterPayload.spilled("node-b", 42);
        assertEquals("{\"node\":\"node-b\",\"spilled\":42}", payload);
        var notice = ClusterPayload.parse(payload);
        assertEquals("node-b", notice.node());
        assertTrue(notice.isSpilled());
        assertEquals(42, notice.spilled());
    }

    @Test
    void aMessageTheServerSharesIsTheDeliverySubscribersGet() {
        JsonObject data = object("{\"tid\":\"5\",\"status\":\"updated\"}");
        var message = ClusterMessage.parse(ClusterMessage.json("/update", data));
        assertEquals("/update", message.channel());
        assertEquals(data, message.data());
    }

    @Test
    void whatFitsANotificationIsCountedInUtf8BytesNotCharacters() {
        assertTrue(ClusterPayload.fits("x".repeat(ClusterPayload.MAX_NOTIFY_BYTES)));
        assertFalse(ClusterPayload.fits("x".repeat(ClusterPayload.MAX_NOTIFY_BYTES + 1)));
        String threeBytes = "\u20ac".repeat(ClusterPayload.MAX_NOTIFY_BYTES / 3);
        assertEquals(ClusterPayload.MAX_NOTIFY_BYTES - ClusterPayload.MAX_NOTIFY_BYTES % 3, threeBytes.getBytes(StandardCharsets.UTF_8).length);
        assertTrue(ClusterPayload.fits(threeBytes));
        assertFalse(ClusterPayload.fits(threeBytes + "\u20ac"), "2,634 characters, 7,902 bytes");
        String emoji = "\ud83d\ude00".repeat(ClusterPayload.MAX_NOTIFY_BYTES / 4 + 1); // 4 bytes each, 2 chars
        assertFalse(ClusterPayload.fits(emoji));
        assertTrue(ClusterPayload.MAX_NOTIFY_BYTES < 8000, "PostgreSQL refuses payloads of 8000 bytes and more");
    }

    @Test
    void aTwentyKilobyteMessageIsSpilledAndASmallOneIsNot() {
        String big = ClusterMessage.json("/chat", Json.createValue("x".repeat(20_000)));
        assertFalse(ClusterPayload.fits(ClusterPayload.inline("n", big)));
        assertTrue(ClusterPayload.fits(ClusterPayload.inline("n", DELIVERY)));
    }

    @Test
    void anythingElseIsRefusedWithAReason() {
        for (String bad : List.of("", "not json", "[1]", "{}", "{\"node\":\"\",\"message\":{}}", "{\"node\":1,\"spilled\":3}",
                "{\"node\":\"a\"}", "{\"node\":\"a\",\"spilled\":0}", "{\"node\":\"a\",\"spilled\":1.5}", "{\"node\":\"a\",\"spilled\":\"3\"}",
                "{\"node\":\"a\",\"message\":\"text\"}", "{\"node\":\"a\",\"message\":{\"channel\":\"/x\"")) {
            var e = assertThrows(IllegalArgumentException.class, () -> ClusterPayload.parse(bad), bad);
            assertNotNull(e.getMessage(), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> ClusterPayload.parse(null));
    }

    @Test
    void aDeliveryWithoutChannelOrDataIsNoMessage() {
        assertThrows(IllegalArgumentException.class, () -> ClusterMessage.parse("{\"data\":1}"));
        assertThrows(IllegalArgumentException.class, () -> ClusterMessage.parse("{\"channel\":\"/x\"}"));
        assertThrows(IllegalArgumentException.class, () -> ClusterMessage.parse("{\"channel\":3,\"data\":1}"));
        assertEquals(jakarta.json.JsonValue.NULL, ClusterMessage.parse("{\"channel\":\"/x\",\"data\":null}").data());
    }

    @Test
    void aNumberedDeliveryIsLeftToTheChangeLog() {
        assertTrue(ClusterOutbox.isNumbered(object("{\"channel\":\"/chat\",\"data\":{},\"ext\":{\"seq\":4}}")));
        assertFalse(ClusterOutbox.isNumbered(object("{\"channel\":\"/chat\",\"data\":{}}")));
        assertFalse(ClusterOutbox.isNumbered(object("{\"channel\":\"/chat\",\"data\":{\"ext\":{\"seq\":4}}}")));
    }

    private static JsonObject object(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }
}
