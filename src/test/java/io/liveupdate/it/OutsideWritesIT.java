package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.Psql;
import jakarta.json.JsonObject;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Changes made by other applications' SQL (docs/databases.md "Changes made by other applications"): the triggers of
 * server-config/outside-writes/postgres.sql, installed with psql as a DBA would, for the test's calendar only, on the
 * WAR's own table; plain JDBC writes, outside the WAR, reach a Faye client and a RemoteEvents page, in log order with
 * the WAR's saves, once each. The triggers are taken out again after each test (the run's database is every IT's).
 */
class OutsideWritesIT extends Deployed {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Test
    void anInsertUpdateAndDeleteByAnotherClientReachAPage() throws Exception {
        var calendar = new TestCalendar(http());
        String channel = "/calendars/" + calendar.name + "/update";
        psql("postgres.sql", "calendar=" + calendar.name);
        try (var page = FayeClient.start("page");
                var remote = RemoteEventsPage.open(http(), URI.create(deploymentUrl.toString()), calendar.name)) {
            page.connect(deploymentUrl + "sync", FayeClient.Transport.WEBSOCKET);
            page.subscribe(channel);
            long id;
            try (Connection db = ClusterChecks.database()) {
                id = outsideInsert(db, calendar.name, "from psql");
                page.awaitMessage(channel, ClusterChecks.status(id, "inserted"), WITHIN);
                outsideUpdate(db, id, "changed by psql");
                page.awaitMessage(channel, ClusterChecks.status(id, "updated").and(m -> "changed by psql".equals(
                        m.getJsonObject("data").getString("text"))), WITHIN);
                db.createStatement().execute("DELETE FROM scheduler_event WHERE id = " + id);
                page.awaitMessage(channel, ClusterChecks.status(id, "deleted"), WITHIN);
            }
            ClusterChecks.assertSameAsLog(calendar, channel, List.of(page));
            assertEquals(List.of(id + " inserted", id + " updated", id + " deleted"), ClusterChecks.logOf(calendar));
            assertEquals(List.of("add-event " + id, "update-event " + id, "delete-event " + id),
                    List.of(typeAndId(remote.nextEvent()), typeAndId(remote.nextEvent()), typeAndId(remote.nextEvent())),
                    "a RemoteEvents page too");
        } finally {
            psql("postgres-remove.sql");
        }
    }

    @Test
    void outsideWritesRacingWarSavesAreEachDeliveredOnceInLogOrder() throws Exception {
        var calendar = new TestCalendar(http());
        String channel = "/calendars/" + calendar.name + "/update";
        int threads = 4;
        int changesEach = 10;
        psql("postgres.sql", "calendar=" + calendar.name);
        try (var page = FayeClient.start("page")) {
            page.connect(deploymentUrl + "sync", FayeClient.Transport.WEBSOCKET);
            page.subscribe(channel);
            var together = new CyclicBarrier(threads);
            var pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Void>> writers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int writer = t;
                    writers.add(pool.submit((Callable<Void>) () -> {
                        together.await(10, TimeUnit.SECONDS);
                        interleave(calendar, writer, changesEach);
                        return null;
                    }));
                }
                for (var writer : writers) writer.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(threads * changesEach, ClusterChecks.logOf(calendar).size(), "every change numbered once, WAR saves too");
            ClusterChecks.assertSameAsLog(calendar, channel, List.of(page));
            LiveReplica.awaitSameAs(page, channel, calendar.load(), "the page", WITHIN);
        } finally {
            psql("postgres-remove.sql");
        }
    }

    private static String typeAndId(JsonObject value) {
        return value.getString("type") + " " + value.getJsonObject("event").getJsonNumber("id").longValue();
    }

    /**
     * One writer's changes, WAR and outside in turn: the WAR inserts a, another client updates a and inserts b, the
     * WAR updates b (a row it never wrote), and so on.
     */
    private void interleave(TestCalendar calendar, int writer, int changes) throws SQLException {
        try (Connection db = ClusterChecks.database()) {
            long warRow = 0;
            long outsideRow = 0;
            for (int i = 0; i < changes; i++) {
                String text = "writer " + writer + " change " + i;
                switch (i % 4) {
                    case 0 -> warRow = calendar.insert("2025-05-0" + (1 + writer) + " 09:00", "2025-05-0" + (1 + writer) + " 10:00", text);
                    case 1 -> outsideUpdate(db, warRow, text);
                    case 2 -> outsideRow = outsideInsert(db, calendar.name, text);
                    default -> assertEquals("updated", Http.json(http().put(calendar.url + "/" + outsideRow, Http.JSON,
                            "{\"start_date\":\"2025-05-09 11:00\",\"end_date\":\"2025-05-09 12:00\",\"text\":\"" + text + "\"}"))
                            .getString("action"));
                }
            }
        }
    }

    /** An id no one else has: EclipseLink takes the 50 ids up to each number it draws, so the number itself is free. */
    private static long outsideInsert(Connection db, String calendar, String text) throws SQLException {
        try (var insert = db.prepareStatement("INSERT INTO scheduler_event (id, calendar, start_date, end_date, text)"
                + " VALUES (nextval('scheduler_event_seq'), ?, TIMESTAMP '2025-05-08 09:00', TIMESTAMP '2025-05-08 10:00', ?)"
                + " RETURNING id")) {
            insert.setString(1, calendar);
            insert.setString(2, text);
            try (var rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** As a well-behaved application does: counts the version, so the WAR's optimistic check sees the change. */
    private static void outsideUpdate(Connection db, long id, String text) throws SQLException {
        try (var update = db.prepareStatement("UPDATE scheduler_event SET text = ?, version = version + 1 WHERE id = ?")) {
            update.setString(1, text);
            update.setLong(2, id);
            assertEquals(1, update.executeUpdate(), "event " + id + " updated");
        }
    }

    private static void psql(String script, String... variables) {
        Psql.run(Psql.databaseOf(System.getProperty("it.db.url")), System.getProperty("it.db.user", "postgres"),
                Psql.OUTSIDE_WRITES.resolve(script), variables);
    }
}
