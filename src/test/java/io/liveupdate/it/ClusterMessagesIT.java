package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static io.liveupdate.it.faye.FayeClient.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.faye.FayeEvent;
import io.liveupdate.it.support.SecondNode;
import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What is in no change log crosses the nodes too (issue 12, step 3c): a Faye client's publish on a plain channel, and
 * what the {@code /broadcast} relay publishes on {@code /update}, reach the subscribers of the other node (over
 * WebSocket and long-polling), once, and those of their own node once (no echo). Node 1 is Arquillian's, node 2
 * {@link SecondNode#shared}.
 *
 * <p>"Once" is checked after a fence: each node's messages are NOTIFYed one after the other, and PostgreSQL delivers
 * notifications in commit order, so once a fence published on one node has reached the other, anything that node
 * sent before it (a duplicate, an echo) has arrived too.
 */
class ClusterMessagesIT extends Deployed {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    private static SecondNode node2;

    @BeforeAll
    static void bootNodeTwo() throws Exception {
        node2 = SecondNode.shared();
    }

    /** Both nodes LISTEN (another test class may have cut a listener's connection just before). */
    @BeforeEach
    void bothNodesListen() throws InterruptedException {
        awaitListening(http());
        awaitListening(new Http(node2.url()));
    }

    private String sync1() {
        return deploymentUrl + "sync";
    }

    private static String sync2() {
        return node2.url() + "sync";
    }

    @Test
    void aPlainPublishOnEitherNodeReachesWebSocketAndLongPollingSubscribersOnBothOnce() {
        String channel = plainChannel();
        try (var ws1 = FayeClient.start("ws-node-1"); var lp1 = FayeClient.start("lp-node-1");
                var ws2 = FayeClient.start("ws-node-2"); var lp2 = FayeClient.start("lp-node-2")) {
            var all = List.of(ws1, lp1, ws2, lp2);
            ws1.connect(sync1(), WEBSOCKET);
            lp1.connect(sync1(), LONG_POLLING);
            ws2.connect(sync2(), WEBSOCKET);
            lp2.connect(sync2(), LONG_POLLING);
            for (var client : all) client.subscribe(channel);

            assertEquals(Optional.empty(), ws1.publish(channel, data("text", "from node 1 over WebSocket")));
            for (var client : all) client.awaitMessage(channel, text("from node 1 over WebSocket"), WITHIN);
            assertEquals(Optional.empty(), lp2.publish(channel, data("text", "from node 2 over long-polling")));
            for (var client : all) client.awaitMessage(channel, text("from node 2 over long-polling"), WITHIN);

            fence(channel, ws1, ws2, all);
            for (var client : all) {
                assertEquals(1, count(client, channel, text("from node 1 over WebSocket")), client + ": node 1's message once");
                assertEquals(1, count(client, channel, text("from node 2 over long-polling")), client + ": node 2's message once");
            }
        }
    }

    @Test
    void largeMessagesCrossThroughTheSpillTableUpToTheServersLimit() throws SQLException {
        String channel = plainChannel();
        try (var ws1 = FayeClient.start("ws-big-1"); var ws2 = FayeClient.start("ws-big-2"); var lp2 = FayeClient.start("lp-big-2")) {
            ws1.connect(sync1(), WEBSOCKET);
            ws2.connect(sync2(), WEBSOCKET);
            lp2.connect(sync2(), LONG_POLLING);
            for (var client : List.of(ws1, ws2, lp2)) client.subscribe(channel);

            // 20 KB with characters of two, three and four bytes in UTF-8; then close to the 1 MiB a frame may have.
            String twentyKb = ("é€😀 \"quoted\" </script> " + UUID.randomUUID()).repeat(400);
            String large = "x".repeat(900_000) + UUID.randomUUID();
            for (String body : List.of(twentyKb, large)) {
                assertEquals(Optional.empty(), ws1.publish(channel, data("body", body)));
                for (var client : List.of(ws2, lp2)) {
                    var got = client.awaitMessage(channel, d -> body.equals(d.getString("body", null)), WITHIN);
                    assertEquals(body, got.dataObject().getString("body"), client + ": the message as it was sent");
                }
                assertEquals(1, spilledRowsHolding(body.substring(body.length() - 36)), "the message went through the spill table");
            }
            // Over the server's limit: refused as on a single node, with its Bayeux error, and sent nowhere.
            var tooLarge = http().post("sync", Http.JSON, "[{\"channel\":\"" + channel + "\",\"data\":{\"body\":\"" + "x".repeat(1024 * 1024) + "\"}}]");
            assertEquals(400, tooLarge.statusCode());
            String error;
            try (var reader = Json.createReader(new StringReader(tooLarge.body()))) {
                error = reader.readArray().getJsonObject(0).getString("error");
            }
            assertTrue(error.startsWith("400::Bad request: request body larger than"), error);

            fence(channel, ws1, ws2, List.of(ws1, ws2, lp2));
            for (var client : List.of(ws1, ws2, lp2)) {
                assertEquals(2, client.messages().stream().filter(m -> channel.equals(m.channel()) && m.dataObject().containsKey("body")).count(),
                        client + ": each large message once");
            }
        }
    }

    @Test
    void twoHundredPublishesFromTwoPublishersReachTheOtherNodeOnceEachInEachPublishersOrder() throws Exception {
        String channel = plainChannel();
        int each = 100;
        try (var pubA = FayeClient.start("publisher-a"); var pubB = FayeClient.start("publisher-b");
                var ws2 = FayeClient.start("ws-200-2"); var lp2 = FayeClient.start("lp-200-2")) {
            pubA.connect(sync1(), WEBSOCKET);
            pubB.connect(sync1(), LONG_POLLING);
            ws2.connect(sync2(), WEBSOCKET);
            lp2.connect(sync2(), LONG_POLLING);
            for (var client : List.of(ws2, lp2)) client.subscribe(channel);

            ExecutorService publishers = Executors.newFixedThreadPool(2);
            try {
                var done = new ArrayList<Future<?>>();
                for (var publisher : List.of(pubA, pubB)) {
                    done.add(publishers.submit(() -> {
                        for (int n = 0; n < each; n++) {
                            assertEquals(Optional.empty(), publisher.publish(channel, data("from", publisher.name(), "n", n)));
                        }
                        return null;
                    }));
                }
                for (var publisher : done) publisher.get();
            } finally {
                publishers.shutdown();
            }
            // The last of each, then a fence behind both: every notification node 1 sent before it has been heard.
            for (var client : List.of(ws2, lp2)) {
                for (var publisher : List.of(pubA, pubB)) client.awaitMessage(channel, d -> publisher.name().equals(d.getString("from", null))
                        && d.getInt("n", -1) == each - 1, WITHIN);
                assertEquals(Optional.empty(), pubA.publish(channel, data("fence", client.name())));
                client.awaitMessage(channel, d -> client.name().equals(d.getString("fence", null)), WITHIN);
            }
            List<Integer> inOrder = IntStream.range(0, each).boxed().toList();
            for (var client : List.of(ws2, lp2)) {
                for (var publisher : List.of(pubA, pubB)) {
                    assertEquals(inOrder, numbersFrom(client, channel, publisher.name()), client + ": " + publisher.name() + "'s messages once each, in order");
                }
            }
        }
    }

    @Test
    void aBroadcastNamingAStoredEventOnNodeOneReachesUpdateSubscribersOnNodeTwo() {
        String fences = plainChannel();
        try (var browser = FayeClient.start("browser-1"); var ws2 = FayeClient.start("ws-update-2"); var lp2 = FayeClient.start("lp-update-2")) {
            var all = List.of(browser, ws2, lp2);
            browser.connect(sync1(), WEBSOCKET);
            ws2.connect(sync2(), WEBSOCKET);
            lp2.connect(sync2(), LONG_POLLING);
            for (var client : all) {
                client.subscribe("/update");
                client.subscribe(fences);
            }
            long id = Http.json(http().post("api/events", Http.JSON,
                    "{\"start_date\":\"2025-04-03 09:00\",\"end_date\":\"2025-04-03 10:00\",\"text\":\"stored on node 1\"}"))
                    .getJsonNumber("tid").longValue();
            try {
                for (var client : all) client.awaitMessage("/update", status(id, "inserted"), WITHIN); // through the change log

                // The old plugin's publish naming a change the server did not publish: relayed as the database has it.
                assertEquals(Optional.empty(), browser.publish("/broadcast",
                        data("sid", Long.toString(id), "tid", Long.toString(id), "status", "updated", "data", data("text", "forged"))));
                for (var client : all) {
                    var relayed = client.awaitMessage("/update", status(id, "updated"), WITHIN).dataObject();
                    assertEquals("stored on node 1", relayed.getJsonObject("data").getString("text"), client + ": the stored row, not the sender's");
                }

                fence(fences, browser, ws2, all);
                for (var client : all) {
                    assertEquals(1, count(client, "/update", status(id, "updated")), client + ": the relayed change once");
                    assertEquals(1, count(client, "/update", status(id, "inserted")), client + ": the committed insert once");
                }
            } finally {
                http().delete("api/events/" + id);
            }
        }
    }

    // ------------------------------------------------------------------------------------------

    /**
     * A fence from each node, awaited by every client: all that either node NOTIFYed before has then been heard by
     * the other. Every client must be subscribed to {@code channel}.
     */
    private static void fence(String channel, FayeClient onNode1, FayeClient onNode2, List<FayeClient> all) {
        String mark = UUID.randomUUID().toString();
        assertEquals(Optional.empty(), onNode1.publish(channel, data("fence", mark + "-1")));
        assertEquals(Optional.empty(), onNode2.publish(channel, data("fence", mark + "-2")));
        for (var client : all) {
            for (String fence : List.of(mark + "-1", mark + "-2")) client.awaitMessage(channel, d -> fence.equals(d.getString("fence", null)), WITHIN);
        }
    }

    private static String plainChannel() {
        return "/cluster-test/" + UUID.randomUUID();
    }

    private static long count(FayeClient client, String channel, Predicate<JsonObject> match) {
        return client.messages().stream().filter(m -> channel.equals(m.channel())).map(FayeEvent::dataObject).filter(match).count();
    }

    private static List<Integer> numbersFrom(FayeClient client, String channel, String publisher) {
        return client.messages().stream().filter(m -> channel.equals(m.channel())).map(FayeEvent::dataObject)
                .filter(d -> publisher.equals(d.getString("from", null))).map(d -> d.getInt("n")).toList();
    }

    private static Predicate<JsonObject> text(String text) {
        return d -> text.equals(d.getString("text", null));
    }

    private static Predicate<JsonObject> status(long id, String status) {
        return m -> Long.toString(id).equals(m.getString("tid", null)) && status.equals(m.getString("status", null));
    }

    private static long spilledRowsHolding(String marker) throws SQLException {
        try (Connection db = DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"), "");
                var select = db.prepareStatement("SELECT count(*) FROM cluster_message WHERE strpos(payload, ?) > 0")) {
            select.setString(1, marker);
            try (var rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Polls a node's health until its doorbell listener (which also hears the messages) is connected. */
    private static void awaitListening(Http node) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            var response = node.get("api/health");
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && Http.json(response).getJsonArray("checks").stream().map(c -> c.asJsonObject())
                    .anyMatch(c -> "doorbell".equals(c.getString("name")) && "connected".equals(c.getString("state", "")))) {
                return;
            }
            Thread.sleep(200); // polling a server's state, not waiting out a delay
        }
        throw new AssertionError("the listener is not connected within " + WITHIN + "; last: " + last);
    }
}
