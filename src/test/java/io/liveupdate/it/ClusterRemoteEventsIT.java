package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveupdate.it.support.SecondNode;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RemoteEvents pages whose connections move between nodes (issue 12, step 3b): where a page stands is kept in the
 * database ({@code remote_position}), so its next connection, on whichever node, is sent exactly what it missed: after
 * a closed connection nothing it had, after its node crashed at most what was written to it in the last position-write
 * interval (2 s) before the crash. The real 7.2 protocol ({@link RemoteEventsPage}), the handshake's key reused.
 */
class ClusterRemoteEventsIT extends TwoNodes {

    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    void aPageWhoseConnectionOnNodeTwoClosedGetsExactlyWhatItMissedOnNodeOneThenLiveChanges() throws Exception {
        var calendar = new TestCalendar(http());
        var viaNode2 = new Http(node2.url());
        String key;
        long a;
        long b;
        try (var onNode2 = RemoteEventsPage.open(viaNode2, node2.url(), calendar.name)) {
            key = onNode2.key();
            a = calendar.insert("2025-06-01 09:00", "2025-06-01 10:00", "a, through node 1");
            b = insert(viaNode2, calendar, "b, through node 2");
            assertEquals(List.of("add-event " + a, "add-event " + b), List.of(typeAndId(onNode2.nextEvent()), typeAndId(onNode2.nextEvent())));
            onNode2.closeNormally();
        }
        awaitStoredPosition(calendar, lastSeq(calendar));

        // Missed while away, saved through both nodes.
        viaNode2.put(calendar.url + "/" + a, Http.JSON, "{\"text\":\"a, renamed through node 2\"}");
        long c = calendar.insert("2025-06-03 09:00", "2025-06-03 10:00", "c, through node 1");
        http().delete(calendar.url + "/" + b);

        try (var onNode1 = RemoteEventsPage.reconnect(URI.create(deploymentUrl.toString()), calendar.name, key)) {
            assertEquals(List.of("update-event " + a, "add-event " + c, "delete-event " + b),
                    List.of(typeAndId(onNode1.nextEvent()), typeAndId(onNode1.nextEvent()), typeAndId(onNode1.nextEvent())),
                    "exactly the missed changes, in order, none it had (node 1 never saw this page: the database told it)");
            long d = insert(viaNode2, calendar, "d, live through node 2");
            assertEquals("add-event " + d, typeAndId(onNode1.nextEvent()), "then the live ones");
            onNode1.barrier(); // and nothing else
        }
    }

    @Test
    void aPageWhoseNodeCrashedGetsWhatItMissedOnNodeOneAndAtMostTheLastWriteIntervalAgain() throws Exception {
        var calendar = new TestCalendar(http());
        var node3 = SecondNode.start("node-3", 70);
        try {
            String key;
            var hadBeforeTheLastWrite = new ArrayList<String>();
            var hadSinceTheLastWrite = new ArrayList<String>();
            try (var onNode3 = RemoteEventsPage.open(new Http(node3.url()), node3.url(), calendar.name)) {
                key = onNode3.key();
                for (int i = 1; i <= 3; i++) {
                    long id = calendar.insert("2025-06-01 09:00", "2025-06-01 10:00", "before " + i);
                    assertEquals("add-event " + id, typeAndId(onNode3.nextEvent()));
                    hadBeforeTheLastWrite.add("add-event " + id);
                }
                // Written while the connection is open (no close will tell node 3's successor where the page was).
                awaitStoredPosition(calendar, lastSeq(calendar));
                for (int i = 1; i <= 2; i++) {
                    long id = calendar.insert("2025-06-02 09:00", "2025-06-02 10:00", "since " + i);
                    assertEquals("add-event " + id, typeAndId(onNode3.nextEvent()));
                    hadSinceTheLastWrite.add("add-event " + id);
                }
                node3.kill(); // no close, no last write: the stored position is the last periodic one
            }
            long stored = storedPosition(calendar);
            long last = lastSeq(calendar);
            assertTrue(stored >= last - 2 && stored <= last, "stored " + stored + ": at least where the page stood at the last write we saw");

            // Missed while it reconnects, saved through both nodes.
            long first = Long.parseLong(hadBeforeTheLastWrite.get(0).split(" ")[1]);
            new Http(node2.url()).put(calendar.url + "/" + first, Http.JSON, "{\"text\":\"renamed through node 2\"}");
            long c = calendar.insert("2025-06-03 09:00", "2025-06-03 10:00", "c, through node 1");

            try (var onNode1 = RemoteEventsPage.reconnect(URI.create(deploymentUrl.toString()), calendar.name, key)) {
                int again = (int) (last - stored); // what the page had since the stored position
                var expected = new ArrayList<>(hadSinceTheLastWrite.subList(hadSinceTheLastWrite.size() - again, hadSinceTheLastWrite.size()));
                expected.addAll(List.of("update-event " + first, "add-event " + c));
                var received = new ArrayList<String>();
                for (int i = 0; i < expected.size(); i++) received.add(typeAndId(onNode1.nextEvent()));
                assertEquals(expected, received, "from the stored position on: at most the changes of the last write interval again, "
                        + "never one from before it, then everything missed, in order");
                long d = insert(new Http(node2.url()), calendar, "d, live through node 2");
                assertEquals("add-event " + d, typeAndId(onNode1.nextEvent()), "then the live ones");
                onNode1.barrier();
            }
        } finally {
            node3.kill();
            node3.close();
        }
    }

    /** The same for a dhtmlxGantt page ({@code ?gantt=<name>}): a chart's position is shared as a calendar's. */
    @Test
    void aChartPageWhoseConnectionOnNodeTwoClosedGetsExactlyWhatItMissedOnNodeOneThenLiveChanges() throws Exception {
        String gantt = "g" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        var viaNode2 = new Http(node2.url());
        String key;
        long a;
        long b;
        try (var onNode2 = RemoteEventsPage.openGantt(viaNode2, node2.url(), gantt)) {
            key = onNode2.key();
            a = insertTask(http(), gantt, "a, through node 1");
            b = insertTask(viaNode2, gantt, "b, through node 2");
            assertEquals(List.of("add-task " + a, "add-task " + b), List.of(onNode2.nextGanttChange(), onNode2.nextGanttChange()));
            onNode2.closeNormally();
        }
        awaitStoredPosition(gantt, lastSeq("gantt:" + gantt));

        // Missed while away, saved through both nodes.
        long link = Http.json(viaNode2.post("api/gantts/" + gantt + "/link", Http.JSON, "{\"source\":" + a + ",\"target\":" + b + "}"))
                .getJsonNumber("tid").longValue();
        http().delete("api/gantts/" + gantt + "/task/" + b);

        try (var onNode1 = RemoteEventsPage.reconnectGantt(URI.create(deploymentUrl.toString()), gantt, key)) {
            assertEquals(List.of("add-link " + link, "delete-link " + link, "delete-task " + b),
                    List.of(onNode1.nextGanttChange(), onNode1.nextGanttChange(), onNode1.nextGanttChange()),
                    "exactly the missed changes, in order, none it had");
            long d = insertTask(viaNode2, gantt, "d, live through node 2");
            assertEquals("add-task " + d, onNode1.nextGanttChange(), "then the live ones");
            onNode1.barrier();
        }
    }

    private static long insertTask(Http node, String gantt, String text) {
        var answer = Http.json(node.post("api/gantts/" + gantt + "/task", Http.JSON,
                "{\"text\":\"" + text + "\",\"start_date\":\"02-06-2025 00:00\",\"duration\":1,\"end_date\":\"03-06-2025 00:00\"}"));
        assertEquals("inserted", answer.getString("action"), answer.toString());
        return answer.getJsonNumber("tid").longValue();
    }

    private static long insert(Http node, TestCalendar calendar, String text) {
        var answer = Http.json(node.post(calendar.url, Http.JSON,
                "{\"start_date\":\"2025-06-02 09:00\",\"end_date\":\"2025-06-02 10:00\",\"text\":\"" + text + "\"}"));
        assertEquals("inserted", answer.getString("action"), answer.toString());
        return answer.getJsonNumber("tid").longValue();
    }

    private static void awaitStoredPosition(TestCalendar calendar, long position) throws SQLException, InterruptedException {
        awaitStoredPosition(calendar.name, position);
    }

    /** Waits until a node has stored the page's position at {@code position} (the test's calendar or chart has one page). */
    private static void awaitStoredPosition(String name, long position) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + WITHIN.toNanos();
        while (storedPosition(name) != position) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("position " + position + " not stored within " + WITHIN + "; stored: " + storedPosition(name));
            }
            Thread.sleep(100);
        }
    }

    private static long storedPosition(TestCalendar calendar) throws SQLException {
        return storedPosition(calendar.name);
    }

    /** The stored position of the calendar's (or chart's) only page; -1 when none is stored. */
    private static long storedPosition(String name) throws SQLException {
        try (Connection db = database(); var select = db.prepareStatement("SELECT position FROM remote_position WHERE calendar = ?")) {
            select.setString(1, name);
            try (var rows = select.executeQuery()) {
                long position = rows.next() ? rows.getLong(1) : -1;
                assertTrue(!rows.next(), "one page follows the calendar");
                return position;
            }
        }
    }

    private static long lastSeq(TestCalendar calendar) throws SQLException {
        return lastSeq("calendar:" + calendar.name);
    }

    private static long lastSeq(String stream) throws SQLException {
        try (Connection db = database(); var select = db.prepareStatement("SELECT last_seq FROM change_stream WHERE stream = ?")) {
            select.setString(1, stream);
            try (var rows = select.executeQuery()) {
                assertTrue(rows.next(), "the calendar has changes");
                return rows.getLong(1);
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"), "");
    }

    private static String typeAndId(JsonObject value) {
        return value.getString("type") + " " + value.getJsonObject("event").getJsonNumber("id").longValue();
    }
}
