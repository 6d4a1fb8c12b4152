package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static io.liveupdate.it.faye.FayeClient.data;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.faye.FayeEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Webix {@code faye->} storages with the real Faye client (npm faye 1.4.3, in Node): the operations Webix's faye
 * proxy publishes reach the other subscribers and are kept in PostgreSQL, and a page that subscribes later is
 * handed the stored items, alone.
 */
class WebixStorageIT extends Deployed {

    private static final Duration WITHIN = Duration.ofSeconds(5);
    /** The Webix clientId of page A, as {@code webix.proxy.faye} sets it on every update. */
    private static final String PAGE_A = "1712345670000";

    private String syncUrl() {
        return deploymentUrl.toString() + "sync";
    }

    private static String uniqueChannel(String prefix) {
        return "/" + prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @Test
    void webixOperationsReachTheOtherPageAndAreStored() throws SQLException {
        String chat = uniqueChannel("chat");
        try (var a = FayeClient.start("storage-a"); var b = FayeClient.start("storage-b")) {
            a.connect(syncUrl(), WEBSOCKET);
            b.connect(syncUrl(), LONG_POLLING);
            a.subscribe(chat);
            b.subscribe(chat);

            publishAndAwait(a, b, chat, webix("insert", 1712345678901L, data("value", "hi", "user", "ann")));
            publishAndAwait(a, b, chat, webix("insert", 1712345678902L, data("value", "second")));
            publishAndAwait(a, b, chat, webix("update", 1712345678901L, data("value", "edited", "user", "ann")));
            // Other code may send only the fields it changes: they are merged into the stored item.
            publishAndAwait(a, b, chat, webix("update", 1712345678901L, data("color", "red")));
            publishAndAwait(a, b, chat, webix("delete", 1712345678902L, data("value", "second")));

            var stored = storedItems(chat);
            assertEquals(List.of("1712345678901"), List.copyOf(stored.keySet()));
            JsonObject item = stored.get("1712345678901");
            assertEquals(1712345678901L, item.getJsonNumber("id").longValue(), "the id keeps its JSON type");
            assertEquals("edited", item.getString("value"));
            assertEquals("ann", item.getString("user"));
            assertEquals("red", item.getString("color"));
            assertEquals(4, item.size(), "only the item's fields, not the update's: " + item);
        }
    }

    @Test
    void aLaterSubscriberIsHandedTheStoredItemsInOrderAndNobodyElseIs() throws SQLException {
        String storage = uniqueChannel("data");
        try (var a = FayeClient.start("snap-a"); var b = FayeClient.start("snap-b");
             var c = FayeClient.start("snap-c"); var d = FayeClient.start("snap-d")) {
            a.connect(syncUrl(), WEBSOCKET);
            b.connect(syncUrl(), LONG_POLLING);
            a.subscribe(storage);
            b.subscribe(storage);
            // Inserted in an order that is not the ids' order.
            publishAndAwait(a, b, storage, webix("insert", 30, data("value", "third id, first in")));
            publishAndAwait(a, b, storage, webix("insert", 10, data("value", "deleted")));
            publishAndAwait(a, b, storage, webix("insert", 20, data("value", "first id, last in")));
            publishAndAwait(a, b, storage, webix("update", 30, data("value", "updated")));
            publishAndAwait(a, b, storage, webix("delete", 10, data("value", "deleted")));

            c.connect(syncUrl(), WEBSOCKET);
            c.subscribe(storage);
            d.connect(syncUrl(), LONG_POLLING);
            d.subscribe(storage);

            for (var late : List.of(c, d)) {
                late.awaitMessage(storage, fromServer().and(d2 -> d2.getInt("id", 0) == 20), WITHIN);
                List<JsonObject> snapshot = late.messages().stream().filter(m -> storage.equals(m.channel()))
                        .map(FayeEvent::dataObject).toList();
                assertEquals(List.of(30, 20), snapshot.stream().map(m -> m.getInt("id")).toList(), late + ": " + snapshot);
                for (JsonObject message : snapshot) {
                    assertEquals("insert", message.getString("operation"));
                    assertEquals("server", message.getString("clientId"));
                    assertEquals(message.getInt("id"), message.getJsonObject("data").getInt("id"));
                }
                assertEquals("updated", snapshot.get(0).getJsonObject("data").getString("value"));
                assertEquals("first id, last in", snapshot.get(1).getJsonObject("data").getString("value"));
            }

            // A marker published after both snapshots reaches everyone after anything queued for them before it.
            assertEquals(Optional.empty(), a.publish(storage, data("marker", "end")));
            for (var client : List.of(a, b, c, d)) {
                client.awaitMessage(storage, m -> "end".equals(m.getString("marker", "")), WITHIN);
            }
            assertEquals(0, serverMessages(a, storage), "the publisher got no snapshot");
            assertEquals(0, serverMessages(b, storage), "the other subscriber got no snapshot");
            assertEquals(2, serverMessages(c, storage), "c got its own snapshot only, not d's");
            assertEquals(2, serverMessages(d, storage));
            assertEquals(List.of("30", "20"), List.copyOf(storedItems(storage).keySet()));
        }
    }

    @Test
    void malformedOperationsAreRefusedAndPlainMessagesRelayedButNothingIsStored() throws SQLException {
        String storage = uniqueChannel("chat");
        try (var a = FayeClient.start("bad-a"); var b = FayeClient.start("bad-b")) {
            a.connect(syncUrl(), WEBSOCKET);
            b.connect(syncUrl(), LONG_POLLING);
            b.subscribe(storage);
            String refused = "405:" + storage + ":Invalid storage operation";

            assertEquals(Optional.of(refused), a.publish(storage, webix("remove", 5, data("value", "x"))));
            assertEquals(Optional.of(refused), a.publish(storage,
                    data("operation", "insert", "data", data("value", "no id"), "clientId", PAGE_A)));
            assertEquals(Optional.of(refused), a.publish(storage,
                    data("id", "6", "operation", "update", "data", data("id", 7, "value", "ids disagree"), "clientId", PAGE_A)));
            assertEquals(Optional.of(refused), a.publish(storage, data("operation", "insert", "data", "not an item")));
            String tooLong = "/" + "c".repeat(200);
            assertEquals(Optional.of("405:" + tooLong + ":Invalid storage operation"), a.publish(tooLong, webix("insert", 8, data())));

            assertEquals(Optional.empty(), a.publish(storage, data("text", "a plain message", "id", 9)));
            var relayed = b.awaitMessage(storage, m -> m.containsKey("text"), WITHIN);
            assertEquals(1, b.messages().size(), "the refused operations were not relayed: " + b.messages());
            assertEquals("a plain message", relayed.dataObject().getString("text"));
            assertEquals(Map.of(), storedItems(storage));
            assertEquals(Map.of(), storedItems(tooLong));
        }
    }

    @Test
    void serverOwnedChannelsStayForbiddenAndNoReservedChannelIsAStorage() throws SQLException {
        try (var a = FayeClient.start("owned")) {
            a.connect(syncUrl(), WEBSOCKET);
            var insert = webix("insert", 11, data("value", "not here"));

            assertEquals(Optional.of("403:/update:Forbidden channel"), a.publish("/update", insert));
            assertEquals(Optional.of("403:/calendars/x/update:Forbidden channel"), a.publish("/calendars/x/update", insert));
            assertEquals(Optional.empty(), a.publish("/broadcast", insert), "accepted (and not relayed: no stored event), not refused");
            assertEquals(Optional.empty(), a.publish("/service/x", insert));

            for (String reserved : List.of("/update", "/calendars/x/update", "/broadcast", "/service/x")) {
                assertEquals(Map.of(), storedItems(reserved), reserved);
            }
        }
    }

    /** The update object Webix's faye proxy publishes: the DataProcessor's {@code {id, operation, data}} plus its clientId. */
    static JsonObject webix(String operation, long id, JsonObject fields) {
        var item = Json.createObjectBuilder(fields).add("id", id).build();
        return data("id", Long.toString(id), "operation", operation, "data", item, "_in_progress", true, "clientId", PAGE_A);
    }

    /** Publishes from {@code from} and waits until {@code to} has received it, so it has been stored and relayed. */
    private static void publishAndAwait(FayeClient from, FayeClient to, String channel, JsonObject update) {
        assertEquals(Optional.empty(), from.publish(channel, update));
        JsonObject item = update.getJsonObject("data");
        to.awaitMessage(channel, m -> update.getString("operation").equals(m.getString("operation", ""))
                && PAGE_A.equals(m.getString("clientId", ""))
                && item.equals(m.getJsonObject("data")), WITHIN);
    }

    private static Predicate<JsonObject> fromServer() {
        return m -> "server".equals(m.getString("clientId", ""));
    }

    private static long serverMessages(FayeClient client, String channel) {
        return client.messages().stream()
                .filter(m -> channel.equals(m.channel()) && m.dataObject() != null && fromServer().test(m.dataObject()))
                .count();
    }

    /** The storage's items in the database, by item id, in snapshot order. */
    static Map<String, JsonObject> storedItems(String channel) throws SQLException {
        var items = new LinkedHashMap<String, JsonObject>();
        try (var db = DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"), "");
             var query = db.prepareStatement("SELECT item_id, fields::text FROM storage_item WHERE channel = ? ORDER BY id")) {
            query.setString(1, channel);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    try (var reader = Json.createReader(new StringReader(rows.getString(2)))) {
                        items.put(rows.getString(1), reader.readObject());
                    }
                }
            }
        }
        return items;
    }
}
