package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static io.liveupdate.it.faye.FayeClient.data;
import static io.liveupdate.it.ClusterChecks.database;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.faye.FayeEvent;
import io.liveupdate.it.support.SecondNode;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Webix storages on two WildFly nodes sharing one PostgreSQL database (node 2: {@link SecondNode#shared}): an operation
 * stored through either node reaches the storage's subscribers on both, over WebSocket and long-polling, each once, in
 * the storage's log order, as the same bytes the saving node's subscribers get; and a node that can no longer deliver
 * what its pages missed tells them to reload, then hands them the stored items.
 */
class ClusterStorageIT extends TwoNodes {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    private URI node1Url() {
        return URI.create(deploymentUrl.toString());
    }

    private static String uniqueStorage() {
        return "/cluster-" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    @Test
    void anOperationThroughEitherNodeReachesWebSocketAndLongPollingSubscribersOnTheOther() throws Exception {
        String storage = uniqueStorage();
        try (var ws1 = FayeClient.start("storage-ws-1"); var lp1 = FayeClient.start("storage-lp-1");
                var ws2 = FayeClient.start("storage-ws-2"); var lp2 = FayeClient.start("storage-lp-2");
                var page1 = FayeClient.start("storage-page-1"); var page2 = FayeClient.start("storage-page-2")) {
            subscribeOnBothNodes(storage, ws1, lp1, ws2, lp2);
            page1.connect(sync1(), WEBSOCKET);
            page2.connect(sync2(), LONG_POLLING);

            for (String operation : List.of("insert", "update", "delete")) {
                var update = WebixStorageIT.webix(operation, 101, data("value", operation + " on node 1"));
                assertEquals(Optional.empty(), page1.publish(storage, update));
                for (var client : List.of(ws2, lp2)) client.awaitMessage(storage, sameOperation(update), WITHIN);
            }
            for (String operation : List.of("insert", "update", "delete")) {
                var update = WebixStorageIT.webix(operation, 202, data("value", operation + " on node 2"));
                assertEquals(Optional.empty(), page2.publish(storage, update));
                for (var client : List.of(ws1, lp1)) client.awaitMessage(storage, sameOperation(update), WITHIN);
            }
            assertSameAsLog(storage, List.of(ws1, lp1, ws2, lp2));

            // Byte for byte: one operation published raw through node 1, as each node hands it to its subscribers
            // (raw long-polling sessions, one per node).
            var raw1 = RawSession.open(new Http(node1Url()), storage, true);
            var raw2 = RawSession.open(new Http(node2.url()), storage, true);
            var update = WebixStorageIT.webix("insert", 303, data("value", "h\u00e9 \"quoted\"", "n", 1.5));
            JsonObject reply = raw1.publish(update, "raw-7");
            assertTrue(reply.getBoolean("successful"), reply.toString());
            long seq = logOf(storage).size();
            String onNode1 = raw1.awaitDelivery(seq);
            String onNode2 = raw2.awaitDelivery(seq);
            assertEquals(onNode1, onNode2, "node 2 hands out the operation exactly as the saving node does");
            assertEquals(Json.createObjectBuilder().add("channel", storage).add("data", update).add("id", "raw-7")
                    .add("ext", Json.createObjectBuilder().add("seq", seq).add("epoch", io.liveupdate.it.support.LiveReplica.epochOf("storage:" + storage))).build().toString(),
                    onNode1, "as a client's publish");
        }
    }

    @Test
    void writersAlternatingBetweenTheNodesReachEverySubscriberOnBothOnceEachInLogOrder() throws Exception {
        String storage = uniqueStorage();
        try (var ws1 = FayeClient.start("storage-ws-1"); var lp1 = FayeClient.start("storage-lp-1");
                var ws2 = FayeClient.start("storage-ws-2"); var lp2 = FayeClient.start("storage-lp-2")) {
            subscribeOnBothNodes(storage, ws1, lp1, ws2, lp2);

            int writers = 4;
            int operations = 75;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                var done = new ArrayList<Future<?>>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    done.add(pool.submit(() -> {
                        // One session per node; the writer alternates between them, as a page behind a balancer might.
                        var onNode1 = RawSession.open(new Http(node1Url()), storage, false);
                        var onNode2 = RawSession.open(new Http(node2.url()), storage, false);
                        for (int i = 0; i < operations; i++) {
                            var session = (writer + i) % 2 == 0 ? onNode1 : onNode2;
                            long item = writer * 1000L + i / 3; // each item inserted, updated, then deleted
                            String operation = List.of("insert", "update", "delete").get(i % 3);
                            var update = WebixStorageIT.webix(operation, item, data("value", "writer " + writer + " #" + i));
                            JsonObject reply = session.publish(update, "w" + writer + "-" + i);
                            assertTrue(reply.getBoolean("successful"), reply.toString());
                        }
                        return null;
                    }));
                }
                for (var writer : done) writer.get();
            } finally {
                pool.shutdown();
            }

            assertEquals(writers * operations, logOf(storage).size(), "every operation stored and logged");
            assertSameAsLog(storage, List.of(ws1, lp1, ws2, lp2));
        }
    }

    /**
     * Operations a node had not delivered and the log no longer has (here: numbered, never logged) are not skipped
     * silently: node 2's page gets the catch-up's reload signal, the stored items, then the next operation.
     */
    @Test
    void aPageWhoseNodeFellBehindTheLogIsToldToReloadAndHandedTheStoredItems() throws Exception {
        String storage = uniqueStorage();
        try (var writer = FayeClient.start("storage-writer-1"); var page = FayeClient.start("storage-reload-2")) {
            writer.connect(sync1(), WEBSOCKET);
            page.connect(sync2(), WEBSOCKET, new FayeClient.Options().catchUp());
            page.subscribe(storage);
            var kept = WebixStorageIT.webix("insert", 7, data("value", "stored before the gap"));
            assertEquals(Optional.empty(), writer.publish(storage, kept));
            page.awaitMessage(storage, sameOperation(kept), WITHIN);

            long next = appendWithoutDoorbell(storage, WebixStorageIT.webix("insert", 8, data("value", "after the gap")));

            var signal = page.awaitEvent(e -> e.is("reload") && storage.equals(e.json().getString("channel", null)), WITHIN, "the reload signal");
            int reload = page.events().indexOf(signal);
            assertEquals(next - 1, signal.json().getJsonNumber("seq").longValue(), "carry on after the missing operation");
            var delivered = page.awaitEvent(e -> e.is("delivered") && storage.equals(e.json().getString("channel", null))
                    && e.json().getJsonNumber("seq").longValue() == next, WITHIN, "operation " + next);
            var after = page.events().subList(reload, page.events().indexOf(delivered));
            assertTrue(after.stream().anyMatch(e -> e.is("message") && e.dataObject() != null
                    && "server".equals(e.dataObject().getString("clientId", "")) && e.dataObject().getInt("id", 0) == 7),
                    "the stored items between the signal and the next operation: " + after);
        }
    }

    // ------------------------------------------------------------------------------------------

    private static Predicate<JsonObject> sameOperation(JsonObject update) {
        return m -> update.getString("operation").equals(m.getString("operation", ""))
                && update.getJsonObject("data").equals(m.getJsonObject("data"));
    }

    /**
     * Waits until each client has received as many operations on the storage as its log holds, then checks that each
     * received exactly the log: every operation, once, in log order.
     */
    private static void assertSameAsLog(String storage, List<FayeClient> clients) {
        List<String> log = logOf(storage);
        for (var client : clients) {
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (received(client, storage).size() < log.size() && System.nanoTime() < deadline) {
                client.assertNoMessage(storage, m -> false, Duration.ofMillis(100)); // waits without a fixed sleep
            }
            assertEquals(log, received(client, storage), client + " received every operation of the log once, in log order");
        }
    }

    private static List<String> received(FayeClient client, String storage) {
        return client.messages().stream().filter(m -> storage.equals(m.channel())).map(FayeEvent::dataObject)
                .filter(m -> m != null && m.containsKey("operation")).map(ClusterStorageIT::describe).toList();
    }

    /** The storage's log as "operation id value", in seq order, read from the database. */
    private static List<String> logOf(String storage) {
        try (Connection db = database();
                var select = db.prepareStatement("SELECT payload FROM change_log WHERE stream = ? ORDER BY seq")) {
            select.setString(1, "storage:" + storage);
            var log = new ArrayList<String>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) {
                    try (var reader = Json.createReader(new StringReader(rows.getString(1)))) {
                        log.add(describe(reader.readObject().getJsonObject("data")));
                    }
                }
            }
            return log;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(JsonObject update) {
        JsonObject item = update.getJsonObject("data");
        return update.getString("operation") + " " + item.get("id") + " " + item.getString("value", "");
    }

    /**
     * Logs an operation as {@code ChangeLog.append} does, but one number after a number never logged (as if trimmed)
     * and with no doorbell, so only the periodic check finds it; returns its number.
     */
    private static long appendWithoutDoorbell(String storage, JsonObject update) throws SQLException {
        return ClusterChecks.appendWithoutDoorbell("storage:" + storage, 1,
                Json.createObjectBuilder().add("data", update).add("id", "no-doorbell").build());
    }

    /** A Bayeux long-polling session over plain HTTP, to publish with a chosen message id and to read raw deliveries. */
    private record RawSession(Http node, String clientId, String storage) {

        /** Handshaken, to publish on {@code storage}, and subscribed to it if {@code subscribed}. */
        static RawSession open(Http node, String storage, boolean subscribed) {
            String clientId = post(node, "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"long-polling\"],\"id\":\"1\"}]")
                    .getJsonObject(0).getString("clientId");
            var session = new RawSession(node, clientId, storage);
            if (subscribed) {
                var reply = session.one(Json.createObjectBuilder().add("channel", "/meta/subscribe").add("clientId", clientId)
                        .add("subscription", storage).add("id", "2").build());
                assertTrue(reply.getBoolean("successful"), reply.toString());
            }
            return session;
        }

        JsonObject publish(JsonObject data, String id) {
            return one(Json.createObjectBuilder().add("channel", storage).add("clientId", clientId)
                    .add("data", data).add("id", id).build());
        }

        /** The raw text of the delivery numbered {@code seq} on the storage, polling until it arrives. */
        String awaitDelivery(long seq) {
            long deadline = System.nanoTime() + WITHIN.toNanos();
            while (System.nanoTime() < deadline) {
                String body = node.post("sync", Http.JSON, "[{\"channel\":\"/meta/connect\",\"clientId\":\"" + clientId
                        + "\",\"connectionType\":\"long-polling\",\"id\":\"c\"}]").body();
                for (JsonValue message : array(body)) {
                    var object = message.asJsonObject();
                    if (storage.equals(object.getString("channel", null)) && object.get("ext") instanceof JsonObject ext
                            && ext.getJsonNumber("seq").longValue() == seq) {
                        return object.toString();
                    }
                }
            }
            throw new AssertionError("no delivery #" + seq + " on " + storage + " within " + WITHIN);
        }

        private JsonObject one(JsonObject message) {
            return post(node, "[" + message + "]").getJsonObject(0);
        }

        private static JsonArray post(Http node, String body) {
            var response = node.post("sync", Http.JSON, body);
            assertEquals(200, response.statusCode(), response.body());
            return array(response.body());
        }

        private static JsonArray array(String body) {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readArray();
            }
        }
    }
}
