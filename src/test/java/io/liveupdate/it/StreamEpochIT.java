package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.faye.FayeEvent;
import io.liveupdate.it.support.LiveReplica;
import io.liveupdate.it.support.SecondNode;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A database reset (a calendar's change log rows and stream row deleted, as emptying the tables does) or restored
 * from an older backup (its last number set back) under a live page with the catch-up extension: the page is told
 * to reload, and the changes after it reach it, none dropped as "already delivered"; a page that comes back with a
 * number of the history before is told to reload, not replayed the new history's numbers as if they followed its own.
 */
class StreamEpochIT extends Deployed {

    private static final Duration WITHIN = Duration.ofSeconds(20);
    /** The doorbell listener's check period (stream.ChangeFeed, 3 s), with room for a loaded machine. */
    private static final Duration CHECK_PERIOD_AND_MARGIN = Duration.ofSeconds(10);

    private String channelOf(TestCalendar calendar) {
        return "/calendars/" + calendar.name + "/update";
    }

    @Test
    void aResetDatabaseMakesThePageReloadAndItGetsEveryChangeAfter() {
        var calendar = new TestCalendar(http());
        String channel = channelOf(calendar);
        try (var page = FayeClient.start("epoch-reset")) {
            page.connect(deploymentUrl + "sync", WEBSOCKET, new FayeClient.Options().catchUp());
            page.subscribe(channel);
            for (int i = 1; i <= 3; i++) calendar.insert("2026-03-0" + i + " 09:00", "2026-03-0" + i + " 10:00", "before " + i);
            String before = epochOf(calendar);
            awaitNumbered(page, 0, "delivered", channel, 3, before);

            int reset = page.events().size();
            sql(calendar, "DELETE FROM change_log WHERE stream = ?", "DELETE FROM change_stream WHERE stream = ?");
            long first = calendar.insert("2026-03-05 09:00", "2026-03-05 10:00", "after the reset");
            String after = epochOf(calendar);
            assertNotEquals(before, after, "the stream's row made again has a new epoch");

            var reload = awaitNumbered(page, reset, "reload", channel, 0, after);
            var delivered = awaitNumbered(page, reset, "delivered", channel, 1, after);
            assertTrue(page.events().indexOf(reload) < page.events().indexOf(delivered), "the reload signal comes first");
            page.awaitMessage(channel, d -> Long.toString(first).equals(d.getString("tid", null)), WITHIN);

            long second = calendar.insert("2026-03-06 09:00", "2026-03-06 10:00", "and the next");
            awaitNumbered(page, reset, "delivered", channel, 2, after);
            page.awaitMessage(channel, d -> Long.toString(second).equals(d.getString("tid", null)), WITHIN);
            assertEquals(1, page.events().subList(reset, page.events().size()).stream().filter(e -> e.is("reload")).count(),
                    "one reload: " + page.events());
        }
    }

    @Test
    void aPageBackWithANumberOfTheHistoryBeforeTheResetIsToldToReload() {
        var calendar = new TestCalendar(http());
        String channel = channelOf(calendar);
        for (int i = 1; i <= 2; i++) calendar.insert("2026-04-0" + i + " 09:00", "2026-04-0" + i + " 10:00", "old " + i);
        String old = epochOf(calendar);
        sql(calendar, "DELETE FROM change_log WHERE stream = ?", "DELETE FROM change_stream WHERE stream = ?");
        for (int i = 1; i <= 3; i++) calendar.insert("2026-04-1" + i + " 09:00", "2026-04-1" + i + " 10:00", "new " + i);
        String now = epochOf(calendar);

        // Had change #1 of the old history: by number alone, #2 and #3 of the new one would be replayed as what followed.
        var options = new FayeClient.Options().catchUp().ext(Json.createObjectBuilder().add("lastSeq", 1).add("epoch", old).build());
        try (var page = FayeClient.start("epoch-back")) {
            page.connect(deploymentUrl + "sync", WEBSOCKET, options);
            page.subscribe(channel);

            awaitNumbered(page, 0, "reload", channel, 3, now);
            long next = calendar.insert("2026-04-20 09:00", "2026-04-20 10:00", "next");
            awaitNumbered(page, 0, "delivered", channel, 4, now);
            page.awaitMessage(channel, d -> Long.toString(next).equals(d.getString("tid", null)), WITHIN);
            assertTrue(page.events().stream().noneMatch(e -> e.is("delivered") && e.json().getJsonNumber("seq").longValue() < 4),
                    "nothing replayed by number: " + page.events());
        }
    }

    @Test
    void aRestoreIsFoundWithinTheCheckPeriodAndTheNextChangesReachThePageAfterAReload() {
        var calendar = new TestCalendar(http());
        String channel = channelOf(calendar);
        try (var page = FayeClient.start("epoch-restore")) {
            page.connect(deploymentUrl + "sync", WEBSOCKET, new FayeClient.Options().catchUp());
            page.subscribe(channel);
            for (int i = 1; i <= 5; i++) calendar.insert("2026-05-0" + i + " 09:00", "2026-05-0" + i + " 10:00", "saved " + i);
            String before = epochOf(calendar);
            awaitNumbered(page, 0, "delivered", channel, 5, before);

            // Back to a backup taken after change #2: #3 to #5 are gone, and the next change is numbered #3 again.
            int restored = page.events().size();
            sql(calendar, "DELETE FROM change_log WHERE stream = ? AND seq > 2", "UPDATE change_stream SET last_seq = 2 WHERE stream = ?");
            long startedNanos = System.nanoTime();
            var reload = page.awaitEvent(restored, e -> e.is("reload") && channel.equals(e.channel()), CHECK_PERIOD_AND_MARGIN,
                    "the reload signal after the restore");
            Duration detected = Duration.ofNanos(System.nanoTime() - startedNanos);
            String renewed = epochOf(calendar);
            assertNotEquals(before, renewed, "the restored stream's epoch is renewed");
            assertEquals(renewed, reload.json().getString("epoch", null), "the page reloads into the renewed epoch");
            assertTrue(detected.compareTo(CHECK_PERIOD_AND_MARGIN) <= 0, "found after " + detected);

            long next = calendar.insert("2026-05-10 09:00", "2026-05-10 10:00", "after the restore");
            awaitNumbered(page, restored, "delivered", channel, 3, renewed);
            page.awaitMessage(channel, d -> Long.toString(next).equals(d.getString("tid", null)), WITHIN);
            assertEquals(renewed, epochOf(calendar), "renewed once: every later check agrees with the database");
        }
    }

    @Test
    void onTwoNodesARestoreIsRenewedOnceAndAResetHeardByDoorbellReachesThePageOnTheOther() throws Exception {
        var node2 = SecondNode.shared();
        var calendar = new TestCalendar(http());
        var node2Http = new Http(node2.url());
        String channel = channelOf(calendar);
        try (var page1 = FayeClient.start("epoch-node1"); var page2 = FayeClient.start("epoch-node2")) {
            page1.connect(deploymentUrl + "sync", WEBSOCKET, new FayeClient.Options().catchUp());
            page2.connect(node2.url() + "sync", WEBSOCKET, new FayeClient.Options().catchUp());
            page1.subscribe(channel);
            page2.subscribe(channel);
            for (int i = 1; i <= 4; i++) calendar.insert("2026-06-0" + i + " 09:00", "2026-06-0" + i + " 10:00", "saved " + i);
            String before = epochOf(calendar);
            for (var page : new FayeClient[] {page1, page2}) awaitNumbered(page, 0, "delivered", channel, 4, before);

            // Restored: both nodes' checks find it; one renews the epoch, the other takes the renewed one as a reset.
            int restored1 = page1.events().size(), restored2 = page2.events().size();
            sql(calendar, "DELETE FROM change_log WHERE stream = ? AND seq > 2", "UPDATE change_stream SET last_seq = 2 WHERE stream = ?");
            var reload1 = page1.awaitEvent(restored1, e -> e.is("reload") && channel.equals(e.channel()), CHECK_PERIOD_AND_MARGIN, "reload on node 1");
            var reload2 = page2.awaitEvent(restored2, e -> e.is("reload") && channel.equals(e.channel()), CHECK_PERIOD_AND_MARGIN, "reload on node 2");
            String renewed = epochOf(calendar);
            assertNotEquals(before, renewed);
            assertEquals(renewed, reload1.json().getString("epoch", null), "node 1's page reloads into the epoch of the database");
            assertEquals(renewed, reload2.json().getString("epoch", null), "node 2's page reloads into the same epoch: renewed once");
            insertThrough(node2Http, calendar, "2026-06-10", "after the restore, through node 2");
            for (var page : new FayeClient[] {page1, page2}) awaitNumbered(page, 0, "delivered", channel, 3, renewed);
            assertEquals(renewed, epochOf(calendar), "no second renewal");

            // Reset, the first change saved through node 2: node 1 hears it by doorbell only.
            int reset = page1.events().size();
            sql(calendar, "DELETE FROM change_log WHERE stream = ?", "DELETE FROM change_stream WHERE stream = ?");
            long first = insertThrough(node2Http, calendar, "2026-06-11", "after the reset, through node 2");
            String after = epochOf(calendar);
            awaitNumbered(page1, reset, "reload", channel, 0, after);
            awaitNumbered(page1, reset, "delivered", channel, 1, after);
            page1.awaitMessage(channel, d -> Long.toString(first).equals(d.getString("tid", null)), WITHIN);
        }
    }

    /** Waits, from event index {@code from} on, for a numbered event of the channel with that number and epoch. */
    private static FayeEvent awaitNumbered(FayeClient page, int from, String type, String channel, long seq, String epoch) {
        Predicate<FayeEvent> match = e -> e.is(type) && channel.equals(e.channel()) && e.json().getJsonNumber("seq").longValue() == seq
                && epoch.equals(e.json().getString("epoch", null));
        return page.awaitEvent(from, match, WITHIN, type + " #" + seq + " of epoch " + epoch + " on " + channel);
    }

    private static long insertThrough(Http node, TestCalendar calendar, String day, String text) {
        var answer = Http.json(node.post(calendar.url, Http.JSON,
                "{\"start_date\":\"" + day + " 09:00\",\"end_date\":\"" + day + " 10:00\",\"text\":\"" + text + "\"}"));
        return answer.getJsonNumber("tid").longValue();
    }

    private static String epochOf(TestCalendar calendar) {
        String epoch = LiveReplica.epochOf("calendar:" + calendar.name);
        assertNotNull(epoch, "no epoch for " + calendar.name);
        return epoch;
    }

    /** Runs each statement, whose one parameter is the calendar's stream, in one transaction. */
    private static void sql(TestCalendar calendar, String... statements) {
        try (Connection db = database()) {
            db.setAutoCommit(false);
            for (String statement : statements) {
                try (var update = db.prepareStatement(statement)) {
                    update.setString(1, "calendar:" + calendar.name);
                    update.executeUpdate();
                }
            }
            db.commit();
        } catch (SQLException e) {
            throw new AssertionError("cannot change the change log: " + e, e);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"), "");
    }
}
