package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.CompanyTable;
import io.liveupdate.it.support.RunDatabase;
import io.liveupdate.it.support.WarCopy;
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
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A company's own table, live end to end (docs/own-table.md): the example table mapped as in CompanyTableIT, and the
 * outside-writes triggers installed on it for the test's calendar as a DBA does (server-config/outside-writes/, the
 * columns named as orm.xml maps them), on the run's database: PostgreSQL, and MariaDB in the build's MariaDB execution
 * (where changes reach the pages at the 3 s check). A {@code psql} / {@code mariadb} UPDATE and DELETE of a row the WAR
 * saved reach a Faye client and a RemoteEvents page in order with the WAR's saves; outside writes racing WAR saves
 * are each delivered once, numbered 1..N without a gap. A copy of the WAR at /company-live, deployed while the mapping is set.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompanyTableOutsideWritesIT {

    private static final String NAME = "company-live";
    private static final Duration WITHIN = Duration.ofSeconds(20);
    private static final int RACING_CHANGES_EACH = 20;

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive companyWar() {
        return WarCopy.at(NAME);
    }

    /** One test's work on the live company table, through the WAR copy's {@code http}, on {@code calendar}. */
    private interface OnTheTable {
        void run(Http http, TestCalendar calendar) throws Exception;
    }

    @Test
    void aPsqlUpdateOfAMappedRowReachesAFayeClientAndARemoteEventsPageInOrderWithTheWarsSaves() throws Exception {
        onTheLiveCompanyTable(this::commandLineChangesInOrder);
    }

    @Test
    void outsideWritesRacingWarSavesAreEachDeliveredOnceNumberedWithoutAGap() throws Exception {
        onTheLiveCompanyTable(this::racingWrites);
    }

    private void onTheLiveCompanyTable(OnTheTable test) throws Exception {
        var http = new Http(URI.create(WarCopy.url(NAME)));
        var calendar = new TestCalendar(http);
        CompanyTable.create(CompanyTable.Ids.IDENTITY);
        CompanyTable.map(CompanyTable.Ids.IDENTITY);
        try {
            CompanyTable.numberOutsideWrites(calendar.name);
            deployer.deploy(NAME);
            try {
                test.run(http, calendar);
            } finally {
                deployer.undeploy(NAME);
            }
        } finally {
            CompanyTable.stopNumberingOutsideWrites();
            CompanyTable.unmap();
            CompanyTable.drop();
        }
    }

    private void commandLineChangesInOrder(Http http, TestCalendar calendar) throws Exception {
        String channel = "/calendars/" + calendar.name + "/update";
        try (var page = FayeClient.start("company-page");
                var remote = RemoteEventsPage.open(http, URI.create(WarCopy.url(NAME)), calendar.name)) {
            page.connect(WarCopy.url(NAME) + "sync", WEBSOCKET);
            page.subscribe(channel);
            long id = calendar.insert("2025-06-02 09:00", "2025-06-02 10:00", "saved by the WAR");
            RunDatabase.commandLine("UPDATE company_bookings SET title = 'changed by psql', row_version = row_version + 1 WHERE booking_no = " + id);
            page.awaitMessage(channel, ClusterChecks.status(id, "updated").and(m -> "changed by psql".equals(
                    m.getJsonObject("data").getString("text"))), WITHIN);
            assertEquals("updated", Http.json(http.put(calendar.url + "/" + id, Http.JSON,
                    "{\"start_date\":\"2025-06-02 11:00\",\"end_date\":\"2025-06-02 12:00\",\"text\":\"saved again by the WAR\"}"))
                    .getString("action"), "the WAR's optimistic check accepts the row psql counted up");
            RunDatabase.commandLine("DELETE FROM company_bookings WHERE booking_no = " + id);
            page.awaitMessage(channel, ClusterChecks.status(id, "deleted"), WITHIN);

            var log = ClusterChecks.logOf(calendar);
            assertEquals(List.of(id + " inserted", id + " updated", id + " updated", id + " deleted"), log);
            ClusterChecks.assertSameAsLog(calendar, channel, List.of(page));
            var first = remote.nextEvent();
            var second = remote.nextEvent();
            assertEquals("changed by psql", second.getJsonObject("event").getString("text"), "psql's row as committed");
            assertEquals(List.of("add-event " + id, "update-event " + id, "update-event " + id, "delete-event " + id),
                    List.of(typeAndId(first), typeAndId(second), typeAndId(remote.nextEvent()), typeAndId(remote.nextEvent())),
                    "a RemoteEvents page, in the same order");
        }
    }

    /**
     * Two writers started together on one calendar: another application (JDBC, as any program) and a page saving
     * through the WAR, each inserting a row and then updating it, in turn. Both bump the calendar's one counter.
     */
    private void racingWrites(Http http, TestCalendar calendar) throws Exception {
        String channel = "/calendars/" + calendar.name + "/update";
        try (var page = FayeClient.start("company-page");
                var remote = RemoteEventsPage.open(http, URI.create(WarCopy.url(NAME)), calendar.name)) {
            page.connect(WarCopy.url(NAME) + "sync", WEBSOCKET);
            page.subscribe(channel);
            var together = new CyclicBarrier(2);
            var pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Void>> writers = new ArrayList<>();
                writers.add(pool.submit((Callable<Void>) () -> {
                    together.await(10, TimeUnit.SECONDS);
                    outsideWrites(calendar.name);
                    return null;
                }));
                writers.add(pool.submit((Callable<Void>) () -> {
                    together.await(10, TimeUnit.SECONDS);
                    warSaves(http, calendar);
                    return null;
                }));
                for (var writer : writers) writer.get(120, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            int changes = 2 * RACING_CHANGES_EACH;
            assertEquals(LongStream.rangeClosed(1, changes).boxed().toList(), numbers(calendar), "numbered 1.." + changes + ", no gap, none twice");
            var log = ClusterChecks.logOf(calendar);
            ClusterChecks.assertSameAsLog(calendar, channel, List.of(page));
            var remoteEvents = new ArrayList<String>();
            for (int i = 0; i < changes; i++) remoteEvents.add(typeAndId(remote.nextEvent()));
            assertEquals(log.stream().map(CompanyTableOutsideWritesIT::asRemoteEvent).toList(), remoteEvents,
                    "the RemoteEvents page received the log, once each, in log order");
            LiveReplica.awaitSameAs(page, channel, calendar.load(), "the page", WITHIN);
        }
    }

    private static void outsideWrites(String room) throws SQLException {
        try (Connection db = RunDatabase.connect()) {
            long row = 0;
            for (int i = 0; i < RACING_CHANGES_EACH; i++) {
                if (i % 2 == 0) {
                    row = CompanyTable.insert(db, room, "outside " + i, "{}");
                } else {
                    try (var update = db.prepareStatement(
                            "UPDATE company_bookings SET title = ?, row_version = row_version + 1 WHERE booking_no = ?")) {
                        update.setString(1, "outside " + i);
                        update.setLong(2, row);
                        assertEquals(1, update.executeUpdate());
                    }
                }
            }
        }
    }

    private static void warSaves(Http http, TestCalendar calendar) {
        long row = 0;
        for (int i = 0; i < RACING_CHANGES_EACH; i++) {
            if (i % 2 == 0) {
                row = calendar.insert("2025-06-03 09:00", "2025-06-03 10:00", "war " + i);
            } else {
                assertEquals("updated", Http.json(http.put(calendar.url + "/" + row, Http.JSON,
                        "{\"start_date\":\"2025-06-03 11:00\",\"end_date\":\"2025-06-03 12:00\",\"text\":\"war " + i + "\"}"))
                        .getString("action"));
            }
        }
    }

    /** The numbers the calendar's changes got in the change log, in order. */
    private static List<Long> numbers(TestCalendar calendar) throws SQLException {
        try (Connection db = RunDatabase.connect();
                var select = db.prepareStatement("SELECT seq FROM change_log WHERE stream = ? ORDER BY seq")) {
            select.setString(1, "calendar:" + calendar.name);
            var numbers = new ArrayList<Long>();
            try (var rows = select.executeQuery()) {
                while (rows.next()) numbers.add(rows.getLong(1));
            }
            return numbers;
        }
    }

    private static String typeAndId(JsonObject value) {
        return value.getString("type") + " " + value.getJsonObject("event").getJsonNumber("id").longValue();
    }

    /** A log entry ("12 inserted") as a RemoteEvents page receives it ("add-event 12"). */
    private static String asRemoteEvent(String logEntry) {
        String[] idAndStatus = logEntry.split(" ");
        String type = switch (idAndStatus[1]) {
            case "inserted" -> "add-event";
            case "updated" -> "update-event";
            default -> "delete-event";
        };
        return type + " " + idAndStatus[0];
    }
}
