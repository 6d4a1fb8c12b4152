package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static io.liveupdate.it.ClusterChecks.WITHIN;
import static io.liveupdate.it.ClusterChecks.assertSameAsLog;
import static io.liveupdate.it.ClusterChecks.awaitDoorbell;
import static io.liveupdate.it.ClusterChecks.database;
import static io.liveupdate.it.ClusterChecks.doorbellCheck;
import static io.liveupdate.it.ClusterChecks.logOf;
import static io.liveupdate.it.ClusterChecks.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.faye.FayeEvent;
import io.liveupdate.it.support.SecondNode;
import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Two WildFly nodes on one PostgreSQL database (issue 12's first step): node 1 is Arquillian's, node 2 is booted once
 * per test run from the same WildFly ({@link SecondNode#shared}). A change committed through either node reaches the real
 * Faye client on both, over WebSocket and long-polling: each change once, in the calendar's log order, also when
 * doorbells are lost (the listener's connection terminated by the database, a change logged without one).
 */
class ClusterIT extends TwoNodes {

    @Test
    void aSaveThroughEitherNodeReachesWebSocketAndLongPollingClientsOnTheOther() {
        var calendar = new TestCalendar(node1());
        String channel = "/calendars/" + calendar.name + "/update";
        try (var ws1 = FayeClient.start("ws-node-1"); var lp1 = FayeClient.start("lp-node-1");
                var ws2 = FayeClient.start("ws-node-2"); var lp2 = FayeClient.start("lp-node-2")) {
            subscribeOnBothNodes(channel, ws1, lp1, ws2, lp2);

            long id = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "saved on node 1");
            for (var client : List.of(ws2, lp2)) {
                var update = client.awaitMessage(channel, status(id, "inserted"), WITHIN).dataObject();
                assertEquals("saved on node 1", update.getJsonObject("data").getString("text"));
            }

            node2().put(calendar.url + "/" + id, Http.JSON, "{\"text\":\"moved on node 2\",\"start_date\":\"2025-04-01 11:00\",\"end_date\":\"2025-04-01 12:00\"}");
            for (var client : List.of(ws1, lp1)) {
                var update = client.awaitMessage(channel, status(id, "updated"), WITHIN).dataObject();
                assertEquals("moved on node 2", update.getJsonObject("data").getString("text"));
                assertEquals("01-04-2025 11:00", update.getJsonObject("data").getString("start_date"));
            }

            node2().delete(calendar.url + "/" + id);
            for (var client : List.of(ws1, lp1, ws2, lp2)) client.awaitMessage(channel, status(id, "deleted"), WITHIN);
            assertSameAsLog(calendar, channel, List.of(ws1, lp1, ws2, lp2));
        }
    }

    @Test
    void aSaveThroughNodeOneReachesARemoteEventsPageOnNodeTwoAndTheOtherWayRound() throws Exception {
        var calendar = new TestCalendar(node1());
        try (var page2 = RemoteEventsPage.open(node2(), node2.url(), calendar.name);
                var page1 = RemoteEventsPage.open(node1(), URI.create(deploymentUrl.toString()), calendar.name)) {
            long id = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "for node 2's page");
            var added = page2.nextEvent();
            assertEquals("add-event", added.getString("type"));
            assertEquals(id, added.getJsonObject("event").getJsonNumber("id").longValue());
            assertEquals("for node 2's page", added.getJsonObject("event").getString("text"));

            node2().delete(calendar.url + "/" + id);
            assertEquals("add-event " + id, typeAndId(page1.nextEvent()), "node 1's page: its own node's insert first");
            assertEquals("delete-event " + id, typeAndId(page1.nextEvent()), "then node 2's delete");
            assertEquals("delete-event " + id, typeAndId(page2.nextEvent()));
        }
    }

    @Test
    void writersAlternatingBetweenTheNodesReachEveryClientOnBothOnceEachInLogOrder() throws Exception {
        var calendar = new TestCalendar(node1());
        String channel = "/calendars/" + calendar.name + "/update";
        try (var ws1 = FayeClient.start("ws-node-1"); var lp1 = FayeClient.start("lp-node-1");
                var ws2 = FayeClient.start("ws-node-2"); var lp2 = FayeClient.start("lp-node-2")) {
            subscribeOnBothNodes(channel, ws1, lp1, ws2, lp2);

            int writers = 4;
            int saves = 250; // 1,000 in all, as issue 12 asks
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                var done = new ArrayList<Future<?>>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < saves; i++) {
                            Http node = (writer + i) % 2 == 0 ? node1() : node2();
                            save(node, calendar, "writer " + writer + " save " + i);
                        }
                        return null;
                    }));
                }
                for (var writer : done) writer.get();
            } finally {
                pool.shutdown();
            }

            assertEquals(writers * saves, logOf(calendar).size(), "every save committed and logged");
            assertSameAsLog(calendar, channel, List.of(ws1, lp1, ws2, lp2));
        }
    }

    @Test
    void lostDoorbellsAreRepairedByThePeriodicCheck() throws Exception {
        var calendar = new TestCalendar(node1());
        String channel = "/calendars/" + calendar.name + "/update";
        try (var ws1 = FayeClient.start("ws-node-1"); var lp2 = FayeClient.start("lp-node-2"); var ws2 = FayeClient.start("ws-node-2")) {
            ws1.connect(sync1(), WEBSOCKET);
            lp2.connect(sync2(), LONG_POLLING);
            ws2.connect(sync2(), WEBSOCKET);
            for (var client : List.of(ws1, lp2, ws2)) client.subscribe(channel);

            for (int i = 0; i < 30; i++) {
                save(i % 2 == 0 ? node1() : node2(), calendar, "save " + i);
                // The database ends both nodes' listening connections mid-stream: what rang meanwhile is not heard.
                if (i == 9) assertEquals(2, terminateListeners(), "both nodes listen, each on its own connection");
                if (i == 19) {
                    awaitListeners(2); // both reconnected on their own, LISTENing again
                    assertEquals(2, terminateListeners());
                }
            }
            // A change logged without a doorbell at all: only the periodic check can find it, on both nodes.
            long id = appendWithoutDoorbell(calendar);

            for (var client : List.of(ws1, lp2, ws2)) client.awaitMessage(channel, status(id, "inserted"), WITHIN);
            assertEquals(31, logOf(calendar).size());
            assertSameAsLog(calendar, channel, List.of(ws1, lp2, ws2));
        }
    }

    // ------------------------------------------------------------------------------------------

    /**
     * A change a node had not delivered and the log no longer has (here: numbered, never logged) is not skipped
     * silently: node 2's page gets the catch-up's reload signal for it, then the next change.
     */
    @Test
    void aPageWhoseNodeFellBehindTheLogIsToldToReloadBeforeTheNextChange() throws Exception {
        var calendar = new TestCalendar(node1());
        String channel = "/calendars/" + calendar.name + "/update";
        try (var page = FayeClient.start("reload-2")) {
            page.connect(sync2(), WEBSOCKET, new FayeClient.Options().catchUp());
            page.subscribe(channel);
            save(node1(), calendar, "before the gap");
            long before = logOf(calendar).size();
            page.awaitEvent(e -> e.is("delivered") && channel.equals(e.json().getString("channel", null))
                    && e.json().getJsonNumber("seq").longValue() == before, WITHIN, "change " + before);

            long next = appendWithoutDoorbell(calendar, 1);

            var signal = page.awaitEvent(e -> e.is("reload") && channel.equals(e.json().getString("channel", null)), WITHIN, "the reload signal");
            int reload = indexOf(page.events(), signal);
            assertEquals(next - 1, page.events().get(reload).json().getJsonNumber("seq").longValue(), "carry on after the missing change");
            var delivered = page.awaitEvent(e -> e.is("delivered") && channel.equals(e.json().getString("channel", null))
                    && e.json().getJsonNumber("seq").longValue() == next, WITHIN, "change " + next);
            assertTrue(indexOf(page.events(), delivered) > reload, "the reload signal came first");
        }
    }

    private static int indexOf(List<FayeEvent> events, FayeEvent event) {
        int index = events.indexOf(event);
        assertTrue(index >= 0, event + " is among the events");
        return index;
    }

    /**
     * Health is never green while a node hears nothing: node 2's listener is ended by the database while the database
     * refuses new connections (the pools keep theirs), so it cannot get back in; node 2's {@code /api/health} turns
     * DOWN naming the doorbell, node 1 stays UP, and once connections are allowed again node 2 reconnects and is UP.
     */
    @Test
    void aNodeWhoseListenerCannotReconnectReportsItselfDownUntilItHas() throws Exception {
        awaitDoorbell(node2(), 200, "connected");
        try (Connection admin = maintenanceDatabase()) {
            String name = databaseName(); // before new connections are refused
            String database = "\"" + name.replace("\"", "\"\"") + "\"";
            try (var block = admin.createStatement()) {
                block.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS false");
            }
            try {
                assertEquals(1, terminateListener(admin, name, "node-2"), "node 2's listener was connected");
                JsonObject down = awaitDoorbell(node2(), 503, "reconnecting");
                assertEquals("DOWN", down.getString("status"), down.toString());
                assertEquals("UP", doorbellCheck(Http.json(node1().get("api/health"))).getString("status"),
                        "node 1's listener kept its connection");
            } finally {
                try (var unblock = admin.createStatement()) {
                    unblock.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS true");
                }
            }
        }
        JsonObject up = awaitDoorbell(node2(), 200, "connected");
        assertEquals(0, doorbellCheck(up).getJsonNumber("lag").longValue(), up.toString());
        awaitListeners(2);
    }

    private static void save(Http node, TestCalendar calendar, String text) {
        var answer = Http.json(node.post(calendar.url, Http.JSON,
                "{\"start_date\":\"2025-05-01 09:00\",\"end_date\":\"2025-05-01 10:00\",\"text\":\"" + text + "\"}"));
        assertEquals("inserted", answer.getString("action"), answer.toString());
    }

    /** Ends every doorbell listener's connection to this run's database, as an operator or a failover would. */
    private static int terminateListeners() throws SQLException {
        try (Connection db = database();
                var terminate = db.prepareStatement("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND application_name LIKE 'liveupdate-doorbell%'");
                var rows = terminate.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /** Ends one node's doorbell listener's connection, through an open connection; returns how many ended. */
    private static int terminateListener(Connection admin, String database, String nodeName) throws SQLException {
        try (var terminate = admin.prepareStatement("SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                + "WHERE datname = ? AND application_name = ?")) {
            terminate.setString(1, database);
            terminate.setString(2, "liveupdate-doorbell " + nodeName);
            try (var rows = terminate.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static String databaseName() throws SQLException {
        try (Connection db = database(); var rows = db.createStatement().executeQuery("SELECT current_database()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The server's {@code postgres} database: a database cannot refuse connections to itself from within. */
    private static Connection maintenanceDatabase() throws SQLException {
        String url = System.getProperty("it.db.url");
        return DriverManager.getConnection(url.substring(0, url.lastIndexOf('/') + 1) + "postgres", System.getProperty("it.db.user", "postgres"), "");
    }

    /** Waits until {@code count} doorbell listeners are connected to this run's database. */
    private static void awaitListeners(int count) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            try (Connection db = database();
                    var select = db.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                            + "WHERE datname = current_database() AND application_name LIKE 'liveupdate-doorbell%'");
                    var rows = select.executeQuery()) {
                rows.next();
                if (rows.getInt(1) == count) return;
            }
            if (System.nanoTime() > deadline) throw new AssertionError(count + " doorbell listeners not connected within " + WITHIN);
            Thread.sleep(100);
        }
    }

    /** Logs an insert the way ChangeLog.append does, in one transaction, but with no NOTIFY; returns its event id. */
    private static long appendWithoutDoorbell(TestCalendar calendar) throws SQLException {
        return appendWithoutDoorbell(calendar, 0);
    }

    /**
     * As {@link #appendWithoutDoorbell(TestCalendar)}, with {@code skipped} numbers taken before it and never logged,
     * as if trimmed away; returns the event id, or with {@code skipped > 0} the change's number.
     */
    private static long appendWithoutDoorbell(TestCalendar calendar, int skipped) throws SQLException {
        long id = 990_000_000L + (System.nanoTime() & 0xFFFFF);
        String stream = "calendar:" + calendar.name;
        var payload = Json.createObjectBuilder().add("kind", "INSERTED").add("event", Json.createObjectBuilder()
                .add("id", id).add("calendar", calendar.name).add("startDate", "2025-05-02T09:00").add("endDate", "2025-05-02T10:00")
                .add("text", "logged without a doorbell").add("deleted", false).add("customFields", Json.createObjectBuilder())
                .add("version", 1)).add("token", "no-doorbell").build();
        long seq = ClusterChecks.appendWithoutDoorbell(stream, skipped, payload);
        return skipped > 0 ? seq : id;
    }

    private static String typeAndId(JsonObject value) {
        return value.getString("type") + " " + value.getJsonObject("event").getJsonNumber("id").longValue();
    }
}
