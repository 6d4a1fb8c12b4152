package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.CommitCutter;
import io.liveupdate.it.support.CommitCutter.Cut;
import io.liveupdate.it.support.Management;
import jakarta.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.util.function.Predicate;
import org.jboss.dmr.ModelNode;
import org.junit.jupiter.api.Test;

/**
 * Fault test: the datasource's connection to PostgreSQL breaks during COMMIT, through a proxy that cuts it either
 * after the database committed (its answer is lost) or before COMMIT reached it. The saving client cannot be told
 * which; it is told that the save is not confirmed. A change the database did commit is then sent live like any
 * other (every page ends up showing what is stored); one it rolled back is sent to nobody and stored nowhere.
 *
 * <p>Points the server's datasource at the proxy for the duration (a reload each way), and back in a finally block.
 */
class UnconfirmedCommitIT extends Deployed {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Test
    void aCommitWhoseAnswerIsLostIsStillSentLiveAndOneThatNeverReachedTheDatabaseIsNot() throws Exception {
        var calendar = new TestCalendar(http());
        String channel = "/calendars/" + calendar.name + "/update";
        URI calendarUrl = URI.create(deploymentUrl + calendar.url);
        ModelNode configured = Management.datasourceUrl();
        try (var cutter = new CommitCutter("127.0.0.1", 5432)) {
            // prepareThreshold=0: the driver then sends COMMIT as text every time (a prepared one would be a bare
            // reference to a statement name), so the proxy can always spot it.
            String proxied = System.getProperty("it.db.url").replace(":5432/", ":" + cutter.port() + "/") + "?prepareThreshold=0";
            Management.datasourceUrl(new ModelNode(proxied));
            try {
                Management.awaitUp(calendarUrl, Duration.ofSeconds(180));
                try (var live = FayeClient.start("unconfirmed-ws")) {
                    live.connect(deploymentUrl + "sync", WEBSOCKET);
                    live.subscribe(channel);
                    long kept = calendar.insert("2025-05-01 09:00", "2025-05-01 10:00", "kept");
                    live.awaitMessage(channel, text("kept"), WITHIN);

                    cutter.arm(Cut.AFTER_COMMIT);
                    var insert = Http.json(http().post(calendar.url, Http.JSON,
                            "{\"id\":\"1712345678999\",\"start_date\":\"2025-05-02 09:00\",\"end_date\":\"2025-05-02 10:00\",\"text\":\"answer lost\"}"));
                    assertTrue(cutter.hasCut(), "the connection was cut after the commit");
                    assertNotConfirmed(insert);
                    var sent = live.awaitMessage(channel, text("answer lost"), WITHIN).dataObject();
                    assertEquals("inserted", sent.getString("status"));
                    long id = Long.parseLong(sent.getString("tid"));
                    assertEquals("answer lost", calendar.load().get(id).getString("text"), "the database did commit it");

                    cutter.arm(Cut.AFTER_COMMIT);
                    var update = Http.json(http().put(calendar.url + "/" + kept, Http.JSON, "{\"text\":\"renamed, answer lost\"}"));
                    assertTrue(cutter.hasCut(), "the connection was cut after the commit");
                    assertNotConfirmed(update);
                    assertEquals("updated", live.awaitMessage(channel, text("renamed, answer lost"), WITHIN).dataObject().getString("status"));

                    cutter.arm(Cut.BEFORE_COMMIT);
                    var lost = Http.json(http().post(calendar.url, Http.JSON,
                            "{\"start_date\":\"2025-05-03 09:00\",\"end_date\":\"2025-05-03 10:00\",\"text\":\"never committed\"}"));
                    assertTrue(cutter.hasCut(), "the connection was cut before the commit");
                    assertNotConfirmed(lost);

                    calendar.insert("2025-05-04 09:00", "2025-05-04 10:00", "after the cuts");
                    live.awaitMessage(channel, text("after the cuts"), WITHIN);
                    live.assertNoMessage(channel, text("never committed"), Duration.ofSeconds(2));
                    var stored = calendar.load();
                    assertTrue(stored.values().stream().noneMatch(text("never committed")), "rolled back: " + stored);
                    assertEquals(3, stored.size(), "kept, answer lost, after the cuts: " + stored);
                    LiveReplica.of(live, channel).assertSameAs(stored, "live client");
                }
            } finally {
                Management.datasourceUrl(configured);
                Management.awaitUp(calendarUrl, Duration.ofSeconds(180));
            }
        }
    }

    private static void assertNotConfirmed(JsonObject answer) {
        assertEquals("error", answer.getString("action"), answer.toString());
        assertTrue(answer.getString("message", "").contains("may have been saved"), "says the outcome is unknown: " + answer);
    }

    private static Predicate<JsonObject> text(String text) {
        return d -> {
            var data = d.containsKey("data") ? d.getJsonObject("data") : d;
            return data != null && text.equals(data.getString("text", ""));
        };
    }
}
