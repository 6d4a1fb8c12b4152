package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.OutsideApplication;
import jakarta.json.JsonObject;
import java.net.URI;
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
 * Changes made by other applications' SQL (docs/databases.md "Changes made by other applications"), on the run's
 * database: on PostgreSQL the triggers of server-config/outside-writes/postgres.sql installed with psql and plain JDBC
 * writes; on MariaDB (the build's MariaDB execution) those of mariadb.sh and writes by the {@code mariadb} command-line
 * client. Installed as a DBA would, for the test's calendar only, on the WAR's own table; the writes reach a Faye
 * client and a RemoteEvents page, in log order with the WAR's saves, once each. The triggers are taken out again
 * after each test (the run's database is every IT's).
 */
class OutsideWritesIT extends Deployed {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    private final OutsideApplication outside = OutsideApplication.ofTheRun();

    @Test
    void anInsertUpdateAndDeleteByAnotherClientReachAPage() throws Exception {
        var calendar = new TestCalendar(http());
        String channel = "/calendars/" + calendar.name + "/update";
        outside.numberChangesOf(calendar.name);
        try (var page = FayeClient.start("page");
                var remote = RemoteEventsPage.open(http(), URI.create(deploymentUrl.toString()), calendar.name)) {
            page.connect(deploymentUrl + "sync", FayeClient.Transport.WEBSOCKET);
            page.subscribe(channel);
            long id = outside.insert(calendar.name, "from another client");
            long committed = System.currentTimeMillis();
            var heard = page.awaitMessage(channel, ClusterChecks.status(id, "inserted"), WITHIN);
            System.out.println(outside.getClass().getSimpleName() + ": an outside insert reached a page " + (heard.receivedAt() - committed)
                    + " ms after its client returned");
            outside.update(id, "changed by another client");
            page.awaitMessage(channel, ClusterChecks.status(id, "updated").and(m -> "changed by another client".equals(
                    m.getJsonObject("data").getString("text"))), WITHIN);
            outside.delete(id);
            page.awaitMessage(channel, ClusterChecks.status(id, "deleted"), WITHIN);
            ClusterChecks.assertSameAsLog(calendar, channel, List.of(page));
            assertEquals(List.of(id + " inserted", id + " updated", id + " deleted"), ClusterChecks.logOf(calendar));
            assertEquals(List.of("add-event " + id, "update-event " + id, "delete-event " + id),
                    List.of(typeAndId(remote.nextEvent()), typeAndId(remote.nextEvent()), typeAndId(remote.nextEvent())),
                    "a RemoteEvents page too");
        } finally {
            outside.stopNumbering();
        }
    }

    @Test
    void outsideWritesRacingWarSavesAreEachDeliveredOnceInLogOrder() throws Exception {
        var calendar = new TestCalendar(http());
        String channel = "/calendars/" + calendar.name + "/update";
        int threads = 4;
        int changesEach = 10;
        outside.numberChangesOf(calendar.name);
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
                for (var writer : writers) writer.get(120, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            var log = ClusterChecks.logOf(calendar);
            assertEquals(threads * changesEach, log.size(), "every change numbered once, WAR saves too: " + log);
            ClusterChecks.assertSameAsLog(calendar, channel, List.of(page));
            LiveReplica.awaitSameAs(page, channel, calendar.load(), "the page", WITHIN);
        } finally {
            outside.stopNumbering();
        }
    }

    private static String typeAndId(JsonObject value) {
        return value.getString("type") + " " + value.getJsonObject("event").getJsonNumber("id").longValue();
    }

    /**
     * One writer's changes, WAR and outside in turn: the WAR inserts a, another client updates a and inserts b, the
     * WAR updates b (a row it never wrote), and so on.
     */
    private void interleave(TestCalendar calendar, int writer, int changes) {
        long warRow = 0;
        long outsideRow = 0;
        for (int i = 0; i < changes; i++) {
            String text = "writer " + writer + " change " + i;
            switch (i % 4) {
                case 0 -> warRow = calendar.insert("2025-05-0" + (1 + writer) + " 09:00", "2025-05-0" + (1 + writer) + " 10:00", text);
                case 1 -> outside.update(warRow, text);
                case 2 -> outsideRow = outside.insert(calendar.name, text);
                default -> assertEquals("updated", Http.json(http().put(calendar.url + "/" + outsideRow, Http.JSON,
                        "{\"start_date\":\"2025-05-09 11:00\",\"end_date\":\"2025-05-09 12:00\",\"text\":\"" + text + "\"}"))
                        .getString("action"));
            }
        }
    }
}
