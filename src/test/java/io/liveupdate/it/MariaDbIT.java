package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static io.liveupdate.it.ClusterChecks.status;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The WAR on MariaDB (the build's second failsafe run, datasource LiveUpdateMariaDBDS of wildfly-mariadb.cli): what
 * differs from PostgreSQL. Runs only there (it reads the MariaDB database the run created); the connector modes and
 * live delivery are the usual ITs, run again in that execution.
 */
class MariaDbIT extends Deployed {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    @Test
    void concurrentFirstSavesOfANewCalendarAreNumberedOneToNInCommitOrder() throws Exception {
        var calendar = new TestCalendar(http());
        String channel = "/calendars/" + calendar.name + "/update";
        int savers = 10;
        try (var page = FayeClient.start("first-saves")) {
            page.connect(deploymentUrl + "sync", WEBSOCKET);
            page.subscribe(channel);
            var start = new CountDownLatch(1);
            var pool = Executors.newFixedThreadPool(savers);
            List<Future<Long>> ids = new ArrayList<>();
            for (int i = 0; i < savers; i++) {
                int n = i;
                ids.add(pool.submit((Callable<Long>) () -> {
                    start.await();
                    return calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "first save " + n);
                }));
            }
            start.countDown();
            var saved = new ArrayList<Long>();
            for (var id : ids) saved.add(id.get());
            pool.shutdown();

            for (long id : saved) page.awaitMessage(channel, status(id, "inserted"), WITHIN);
            try (Connection db = ClusterChecks.database(); var select = db.prepareStatement("SELECT seq FROM change_log WHERE stream = ? ORDER BY seq")) {
                select.setString(1, "calendar:" + calendar.name);
                var seqs = new ArrayList<Long>();
                try (var rows = select.executeQuery()) {
                    while (rows.next()) seqs.add(rows.getLong(1));
                }
                assertEquals(LongStream.rangeClosed(1, savers).boxed().toList(), seqs, "one number each, no gap, no clash");
            }
        }
    }

    @Test
    void rowsKeepFarDatesCaseAndCustomFieldsAsOnPostgreSql() throws SQLException {
        var upper = new TestCalendar(http());
        String name = upper.name.toUpperCase();
        var http = http();
        long far = Http.json(http.post("api/calendars/" + name + "/events", Http.JSON,
                "{\"start_date\":\"2025-04-01 09:00\",\"end_date\":\"9999-02-01 00:00\",\"text\":\"forever\",\"rrule\":\"FREQ=DAILY\","
                        + "\"duration\":3600,\"section_id\":\"Ünïcode ✓\"}")).getJsonNumber("tid").longValue();
        long lower = upper.insert("2025-04-01 09:00", "2025-04-01 10:00", "lower case");

        try (Connection db = ClusterChecks.database(); var select = db.prepareStatement("SELECT calendar, end_date, custom_fields FROM scheduler_event WHERE id = ?")) {
            select.setLong(1, far);
            try (var rows = select.executeQuery()) {
                assertTrue(rows.next(), "the event is in MariaDB");
                assertEquals(name, rows.getString(1));
                assertEquals(LocalDateTime.of(9999, 2, 1, 0, 0), rows.getTimestamp(2).toLocalDateTime(), "past 2038: DATETIME, not TIMESTAMP");
                assertTrue(rows.getString(3).contains("Ünïcode ✓"), rows.getString(3));
            }
        }
        assertEquals(List.of(lower), List.copyOf(upper.load().keySet()), "calendar names differ by case, as on PostgreSQL");
        var loaded = Http.json(http.get("api/calendars/" + name + "/events")).getJsonArray("data").getJsonObject(0);
        assertEquals("9999-02-01 00:00", loaded.getString("end_date"));
        assertEquals("Ünïcode ✓", loaded.getString("section_id"));
    }

    /** What another node's save looks like to this one on MariaDB: logged, no doorbell; the periodic check finds it. */
    @Test
    void anotherNodesChangeArrivesAtThePeriodicCheck() throws Exception {
        var calendar = new TestCalendar(http());
        String channel = "/calendars/" + calendar.name + "/update";
        calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "gives the calendar its stream");
        try (var page = FayeClient.start("other-node")) {
            page.connect(deploymentUrl + "sync", WEBSOCKET);
            page.subscribe(channel);
            long id = 990_000_000L + (System.nanoTime() & 0xFFFFF);
            long logged = System.currentTimeMillis();
            ClusterChecks.appendWithoutDoorbell("calendar:" + calendar.name, 0, Json.createObjectBuilder().add("kind", "INSERTED").add("event", Json.createObjectBuilder()
                    .add("id", id).add("calendar", calendar.name).add("startDate", "2025-05-02T09:00").add("endDate", "2025-05-02T10:00")
                    .add("text", "from another node").add("deleted", false).add("customFields", Json.createObjectBuilder())
                    .add("version", 1)).add("token", "other-node").build());

            var heard = page.awaitMessage(channel, status(id, "inserted"), WITHIN);
            System.out.println("MariaDB: another node's change reached a page after " + (heard.receivedAt() - logged) + " ms (periodic check, 3 s)");
            assertEquals("from another node", heard.dataObject().getJsonObject("data").getString("text"));
        }
    }

    /**
     * A chart's saves run one at a time on MariaDB too (the upsert on its change_stream row, gantt.GanttChanges#lock):
     * two pages each sending half of a dependency loop at once, many times, never both get theirs stored.
     */
    @Test
    void twoSavesClosingHalfALoopOfAChartAtOnceNeverBothPass() throws Exception {
        String gantt = "m" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String chart = "api/gantts/" + gantt;
        int rounds = 10;
        var pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < rounds; round++) {
                long a = ganttTask(chart, "A" + round);
                long b = ganttTask(chart, "B" + round);
                var start = new CountDownLatch(1);
                Future<String> there = pool.submit(() -> { start.await(); return ganttLink(chart, a, b); });
                Future<String> back = pool.submit(() -> { start.await(); return ganttLink(chart, b, a); });
                start.countDown();
                List<String> actions = new ArrayList<>(List.of(there.get(), back.get()));
                actions.sort(null);
                assertEquals(List.of("inserted", "invalid"), actions, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection db = ClusterChecks.database(); var count = db.prepareStatement("SELECT COUNT(*) FROM gantt_link WHERE gantt = ?")) {
            count.setString(1, gantt);
            try (var rows = count.executeQuery()) {
                rows.next();
                assertEquals(rounds, rows.getInt(1), "one link of each pair stored");
            }
        }
    }

    private long ganttTask(String chart, String text) {
        var answer = Http.json(http().post(chart + "/task", Http.JSON,
                "{\"text\":\"" + text + "\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":0}"));
        assertEquals("inserted", answer.getString("action"), answer.toString());
        return answer.getJsonNumber("tid").longValue();
    }

    private String ganttLink(String chart, long source, long target) {
        var response = http().post(chart + "/link", Http.JSON, "{\"source\":" + source + ",\"target\":" + target + ",\"type\":\"0\"}");
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response).getString("action");
    }
}
