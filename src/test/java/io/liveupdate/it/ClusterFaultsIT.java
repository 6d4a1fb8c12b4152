package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static io.liveupdate.it.ClusterChecks.WITHIN;
import static io.liveupdate.it.ClusterChecks.assertSameAsLog;
import static io.liveupdate.it.ClusterChecks.database;
import static io.liveupdate.it.ClusterChecks.logOf;
import static io.liveupdate.it.ClusterChecks.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.CalendarWriter;
import io.liveupdate.it.support.FailoverProxy;
import io.liveupdate.it.support.LiveReplica;
import io.liveupdate.it.support.SecondNode;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Real faults under two or three WildFly nodes on one PostgreSQL (issue 12, step 3): the doorbell listeners'
 * connections ended by the database again and again while both nodes save; a node killed while it saves and serves
 * clients, which come back through a balancer-like proxy to node 1; PostgreSQL itself stopped and started under both
 * nodes. Each time every client gets every change of the calendar's log once, in log order (plain Faye clients
 * exactly as sent; clients with the catch-up extension once they have caught up).
 */
class ClusterFaultsIT extends Deployed {

    /** A correctness bound on a refused save's answer during the outage (not a benchmark). */
    private static final long REFUSAL_BOUND_MILLIS = 15_000;

    private static SecondNode node2;

    @BeforeAll
    static void bootNodeTwo() throws Exception {
        node2 = SecondNode.shared();
    }

    private Http node1() {
        return http();
    }

    private static Http node2() {
        return new Http(node2.url());
    }

    private String sync1() {
        return deploymentUrl + "sync";
    }

    private static String sync2() {
        return node2.url() + "sync";
    }

    /**
     * Both nodes' listeners are ended by the database five times while a writer on each node saves (inserts, updates,
     * deletes): what rang while a listener was away is found by its check after the reconnect, and every plain
     * WebSocket and long-polling client on both nodes gets every change once, in log order.
     */
    @Test
    void listenersEndedByTheDatabaseDuringSavesLoseNothing() throws Exception {
        var calendar = new TestCalendar(node1());
        String channel = CatchUpIT.channelOf(calendar);
        int cuts = 5;
        try (var ws1 = FayeClient.start("cut-ws-node-1"); var lp1 = FayeClient.start("cut-lp-node-1");
                var ws2 = FayeClient.start("cut-ws-node-2"); var lp2 = FayeClient.start("cut-lp-node-2")) {
            ws1.connect(sync1(), WEBSOCKET);
            lp1.connect(sync1(), LONG_POLLING);
            ws2.connect(sync2(), WEBSOCKET);
            lp2.connect(sync2(), LONG_POLLING);
            var clients = List.of(ws1, lp1, ws2, lp2);
            for (var client : clients) client.subscribe(channel);

            try (var writer1 = new CalendarWriter(node1(), calendar, 20).pause(10).start(Integer.MAX_VALUE);
                    var writer2 = new CalendarWriter(node2(), calendar, 20).pause(10).start(Integer.MAX_VALUE)) {
                IntSupplier committed = () -> writer1.committed() + writer2.committed();
                Set<Integer> ended = new HashSet<>();
                for (int cut = 1; cut <= cuts; cut++) {
                    awaitCommitted(committed, 10 * cut);
                    awaitListeners(2, ended); // both back, on new connections (an ended one may linger in the view)
                    var now = terminateListeners();
                    assertEquals(2, now.size(), "both nodes' listeners ended, cut " + cut);
                    ended.addAll(now);
                }
                awaitCommitted(committed, 10 * (cuts + 1)); // and saves go on after the last cut
            }
            System.out.println("ClusterFaultsIT: " + cuts + " times both listeners ended during " + logOf(calendar).size() + " changes");
            assertSameAsLog(calendar, channel, clients);
        }
    }

    /**
     * Node 3 dies (SIGKILL) while a writer saves through it and another through node 1, under Faye clients with the
     * catch-up extension that reach it through a proxy, as through a balancer. The proxy then sends them to node 1;
     * they hand it the number of the last change they had, and end up with every change once, in order, equal to the
     * database: also node 3's last commits and what was committed while they were away. A plain client on node 1
     * gets every change, node 3's through the doorbell, once, in log order.
     */
    @Test
    void clientsOfAKilledNodeCatchUpOnAnotherWithTheirLastNumbers() throws Exception {
        var calendar = new TestCalendar(node1());
        String channel = CatchUpIT.channelOf(calendar);
        var node1 = URI.create(deploymentUrl.toString());
        try (var node3 = SecondNode.start("node-3", 70); var proxy = new FailoverProxy(node3.url());
                var ws3 = FayeClient.start("kill-ws-node-3"); var lp3 = FayeClient.start("kill-lp-node-3");
                var ws1 = FayeClient.start("kill-ws-node-1")) {
            String viaProxy = "http://127.0.0.1:" + proxy.port() + "/sync";
            ws3.connect(viaProxy, WEBSOCKET, new FayeClient.Options().catchUp().retry(0.5));
            lp3.connect(viaProxy, LONG_POLLING, new FayeClient.Options().catchUp().retry(0.5));
            ws1.connect(sync1(), WEBSOCKET); // a plain client: node 1 alone must hand it node 3's changes, in order
            for (var client : List.of(ws3, lp3, ws1)) client.subscribe(channel);
            var onNode3 = List.of(ws3, lp3);
            var clientIds = onNode3.stream().map(FayeClient::clientId).toList();

            long inFlight;
            try (var writer1 = new CalendarWriter(node1(), calendar, 20).pause(10).start(Integer.MAX_VALUE);
                    var writer3 = new CalendarWriter(new Http(node3.url()), calendar, 20).pause(10).start(Integer.MAX_VALUE)) {
                awaitCommitted(() -> writer1.committed() + writer3.committed(), 40);
                assertTrue(writer3.committed() > 0, "node 3 saved: " + writer3.committed());
                proxy.pointAt(node1); // as a balancer takes a dead node out: new connections go to node 1
                long handed = Math.min(CatchUpIT.deliveredBefore(ws3, channel, ws3.events().size()),
                        CatchUpIT.deliveredBefore(lp3, channel, lp3.events().size()));
                node3.kill();
                inFlight = LiveReplica.committedSeq(calendar.name) - handed;
                int node1Before = writer1.committed();
                awaitCommitted(writer1::committed, node1Before + 20); // saves go on, the clients away meanwhile
            }
            System.out.println("ClusterFaultsIT: node 3 killed with " + inFlight + " changes not yet handed to its clients; "
                    + LiveReplica.committedSeq(calendar.name) + " changes in all");
            for (var client : onNode3) {
                assertEquals(0, CatchUpIT.assertExact(client.name(), client, calendar).reloads, client.name() + " caught up without a reload");
            }
            assertSameAsLog(calendar, channel, List.of(ws1));
            for (int i = 0; i < onNode3.size(); i++) {
                assertNotEquals(clientIds.get(i), onNode3.get(i).clientId(), onNode3.get(i).name() + " handshook again, with node 1");
            }
        }
    }

    /**
     * PostgreSQL stopped (fast: every connection ended) under both nodes while a writer on each saves, and started
     * again: meanwhile saves through either node are refused with the reason and both nodes' health is DOWN; after,
     * health is UP again, a save through each node reaches the clients on both, and the clients with the catch-up
     * extension hold every change committed before the stop, once, in order; so do plain ones, whose sessions lived on.
     */
    @Test
    void aPostgresRestartUnderBothNodesLosesNothingCommitted() throws Exception {
        var postgres = PostgresCluster.main();
        var calendar = new TestCalendar(node1());
        String channel = CatchUpIT.channelOf(calendar);
        try (var ws1 = FayeClient.start("restart-ws-node-1"); var lp2 = FayeClient.start("restart-lp-node-2");
                var plainLp1 = FayeClient.start("restart-plain-lp-node-1"); var plainWs2 = FayeClient.start("restart-plain-ws-node-2")) {
            ws1.connect(sync1(), WEBSOCKET, new FayeClient.Options().catchUp().retry(0.5));
            lp2.connect(sync2(), LONG_POLLING, new FayeClient.Options().catchUp().retry(0.5));
            plainLp1.connect(sync1(), LONG_POLLING);
            plainWs2.connect(sync2(), WEBSOCKET);
            var catchingUp = List.of(ws1, lp2);
            var plain = List.of(plainLp1, plainWs2);
            var clients = List.of(ws1, lp2, plainLp1, plainWs2);
            for (var client : clients) client.subscribe(channel);
            awaitHealth(node1(), 200);
            awaitHealth(node2(), 200);

            var refused = new ArrayList<HttpResponse<String>>();
            var refusalMillis = new ArrayList<Long>();
            try (var writer1 = new CalendarWriter(node1(), calendar, 20).pause(10).start(Integer.MAX_VALUE);
                    var writer2 = new CalendarWriter(node2(), calendar, 20).pause(10).start(Integer.MAX_VALUE)) {
                awaitCommitted(() -> writer1.committed() + writer2.committed(), 30);
                try {
                    postgres.stop(); // saves in flight on both nodes
                    writer1.close();
                    writer2.close();
                    for (Http node : List.of(node1(), node2())) {
                        long started = System.nanoTime();
                        refused.add(node.post(calendar.url, Http.JSON,
                                "{\"start_date\":\"2025-04-03 09:00\",\"end_date\":\"2025-04-03 10:00\",\"text\":\"during the outage\"}"));
                        refusalMillis.add((System.nanoTime() - started) / 1_000_000);
                    }
                    // Down for as long as it takes each node to report that it no longer hears the others either.
                    awaitHealth(node1(), 503, "database=DOWN", "doorbell=DOWN");
                    awaitHealth(node2(), 503, "database=DOWN", "doorbell=DOWN");
                } finally {
                    postgres.start();
                }
            }
            for (int i = 0; i < refused.size(); i++) {
                var answer = refused.get(i);
                assertTrue(refusalMillis.get(i) < REFUSAL_BOUND_MILLIS, "refused in " + refusalMillis.get(i) + " ms");
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals("error", Http.json(answer).getString("action"), answer.body());
                assertTrue(answer.body().contains("not saved"), "with the reason: " + answer.body());
            }
            awaitHealth(node1(), 200, "database=UP", "doorbell=UP");
            awaitHealth(node2(), 200, "database=UP", "doorbell=UP");
            assertTrue(calendar.load().values().stream().noneMatch(e -> "during the outage".equals(e.getString("text"))),
                    "a refused save stored nothing");

            long fromNode1 = calendar.insert("2025-04-04 09:00", "2025-04-04 10:00", "after the restart, through node 1");
            long fromNode2 = insert(node2(), calendar, "after the restart, through node 2");
            for (var client : clients) {
                client.awaitMessage(channel, status(fromNode1, "inserted"), WITHIN);
                client.awaitMessage(channel, status(fromNode2, "inserted"), WITHIN);
            }
            System.out.println("ClusterFaultsIT: PostgreSQL restarted under both nodes; " + LiveReplica.committedSeq(calendar.name)
                    + " changes; refusals took " + refusalMillis + " ms");
            for (var client : catchingUp) CatchUpIT.assertExact(client.name(), client, calendar);
            // Their sessions outlived the outage: the nodes alone hand even plain clients every change once, in order.
            assertSameAsLog(calendar, channel, plain);
        }
    }

    // ------------------------------------------------------------------------------------------

    private static long insert(Http node, TestCalendar calendar, String text) {
        var answer = Http.json(node.post(calendar.url, Http.JSON,
                "{\"start_date\":\"2025-04-04 11:00\",\"end_date\":\"2025-04-04 12:00\",\"text\":\"" + text + "\"}"));
        assertEquals("inserted", answer.getString("action"), answer.toString());
        return answer.getJsonNumber("tid").longValue();
    }

    /** Waits until the writers have committed {@code count} changes between them. */
    private static void awaitCommitted(IntSupplier committed, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (committed.getAsInt() < count) {
            if (System.nanoTime() > deadline) throw new AssertionError("only " + committed.getAsInt() + " of " + count + " saves within " + WITHIN);
            Thread.sleep(20); // polling another thread's counter
        }
    }

    /**
     * Ends every doorbell listener's connection to this run's database, as an operator or a failover would.
     *
     * @return the ended connections' backend pids
     */
    private static Set<Integer> terminateListeners() throws SQLException {
        try (Connection db = database();
                // in the select list, so that only the rows the WHERE clause chose are terminated
                var terminate = db.prepareStatement("SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND application_name LIKE 'liveupdate-doorbell%'");
                var rows = terminate.executeQuery()) {
            var pids = new HashSet<Integer>();
            while (rows.next()) {
                if (rows.getBoolean(2)) pids.add(rows.getInt(1));
            }
            return pids;
        }
    }

    /** Waits until {@code count} doorbell listeners are connected to this run's database, none of them on {@code ended}. */
    private static void awaitListeners(int count, Set<Integer> ended) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (true) {
            var listening = new HashSet<Integer>();
            try (Connection db = database();
                    var select = db.prepareStatement("SELECT pid FROM pg_stat_activity "
                            + "WHERE datname = current_database() AND application_name LIKE 'liveupdate-doorbell%'");
                    var rows = select.executeQuery()) {
                while (rows.next()) listening.add(rows.getInt(1));
            }
            listening.removeAll(ended);
            if (listening.size() == count) return;
            if (System.nanoTime() > deadline) throw new AssertionError(count + " doorbell listeners not connected within " + WITHIN + ": " + listening);
            Thread.sleep(100);
        }
    }

    /**
     * Polls a node's {@code /api/health} until it answers {@code status} with its checks as {@code checks} says
     * ({@code "database=DOWN"}: the check named database is DOWN).
     */
    private static void awaitHealth(Http node, int status, String... checks) throws InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        String last = "";
        while (true) {
            try {
                var response = node.get("api/health");
                last = response.statusCode() + " " + response.body();
                if (response.statusCode() == status && hasChecks(Http.json(response), checks)) return;
            } catch (AssertionError e) {
                last = e.getMessage(); // not answering at all, for now
            }
            if (System.nanoTime() > deadline) throw new AssertionError("health not " + status + " within " + WITHIN + "; last: " + last);
            Thread.sleep(200);
        }
    }

    private static boolean hasChecks(JsonObject health, String... checks) {
        for (String check : checks) {
            String[] nameAndStatus = check.split("=");
            boolean found = health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
                    .anyMatch(c -> nameAndStatus[0].equals(c.getString("name")) && nameAndStatus[1].equals(c.getString("status")));
            if (!found) return false;
        }
        return true;
    }
}
