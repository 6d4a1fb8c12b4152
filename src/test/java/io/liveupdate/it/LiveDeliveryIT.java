package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static io.liveupdate.it.faye.FayeClient.data;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The real Faye client (npm faye 1.4.3, in Node) against our Bayeux server at /sync, over WebSocket and
 * long-polling: every committed change made through the connector reaches every subscriber.
 */
class LiveDeliveryIT extends Deployed {

    private static final Duration WITHIN = Duration.ofSeconds(5);

    private String syncUrl() {
        return deploymentUrl.toString() + "sync";
    }

    @Test
    void bothTransportsSeeEveryChangeMadeThroughTheConnector() {
        try (var ws = FayeClient.start("ws"); var lp = FayeClient.start("lp")) {
            ws.connect(syncUrl(), WEBSOCKET);
            lp.connect(syncUrl(), LONG_POLLING);
            var calendar = new TestCalendar(http());
            String channel = "/calendars/" + calendar.name + "/update";
            ws.subscribe(channel);
            lp.subscribe(channel);
            List<Long> latencies = new ArrayList<>();

            long sent = System.currentTimeMillis();
            long id = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "live insert");
            for (var client : List.of(ws, lp)) {
                var event = client.awaitMessage(channel, status(id, "inserted"), WITHIN);
                latencies.add(event.receivedAt() - sent);
                var update = event.dataObject();
                assertEquals("live insert", update.getJsonObject("data").getString("text"));
                assertEquals("01-04-2025 09:00", update.getJsonObject("data").getString("start_date"), "api_date, as the plugin parses");
            }

            sent = System.currentTimeMillis();
            http().put(calendar.url + "/" + id, Http.JSON, "{\"start_date\":\"2025-04-01 11:00\",\"end_date\":\"2025-04-01 12:00\"}");
            for (var client : List.of(ws, lp)) {
                var update = client.awaitMessage(channel, status(id, "updated"), WITHIN);
                latencies.add(update.receivedAt() - sent);
                assertEquals("01-04-2025 11:00", update.dataObject().getJsonObject("data").getString("start_date"));
                assertEquals("live insert", update.dataObject().getJsonObject("data").getString("text"), "the committed row, not the request");
            }

            sent = System.currentTimeMillis();
            http().delete(calendar.url + "/" + id);
            for (var client : List.of(ws, lp)) latencies.add(client.awaitMessage(channel, status(id, "deleted"), WITHIN).receivedAt() - sent);
            System.out.println("Save-to-delivery latency, ms (ws, long-polling; insert, update, delete): " + latencies);
        }
    }

    @Test
    void theDefaultCalendarPublishesOnUpdateWithTheSaversTemporaryIdAsSid() {
        try (var client = FayeClient.start("default")) {
            client.connect(syncUrl(), WEBSOCKET);
            client.subscribe("/update");
            var answer = Http.json(http().post("api/events?editing=true", Http.JSON,
                    "{\"id\":1712345678901,\"action\":\"inserted\",\"data\":{\"start_date\":\"2025-04-01 09:00\","
                            + "\"end_date\":\"2025-04-01 10:00\",\"text\":\"default calendar, live\"}}"));
            long id = answer.getJsonNumber("tid").longValue();

            var update = client.awaitMessage("/update", status(id, "inserted"), WITHIN).dataObject();

            assertEquals("1712345678901", update.getString("sid"));
            assertEquals(Long.toString(id), update.getString("tid"));
            http().delete("api/events/" + id);
            client.awaitMessage("/update", status(id, "deleted"), WITHIN);
        }
    }

    @Test
    void aBroadcastIsRelayedToUpdateOnlyAsTheStoredRowAndNotTwice() {
        try (var browser = FayeClient.start("browser"); var other = FayeClient.start("other")) {
            browser.connect(syncUrl(), LONG_POLLING);
            other.connect(syncUrl(), WEBSOCKET);
            other.subscribe("/update");
            // The original plugin: save, then publish {sid, tid, status, data:{}} on /broadcast.
            long id = Http.json(http().post("api/events", Http.JSON,
                    "{\"start_date\":\"2025-04-02 09:00\",\"end_date\":\"2025-04-02 10:00\",\"text\":\"saved then broadcast\"}"))
                    .getJsonNumber("tid").longValue();
            other.awaitMessage("/update", status(id, "inserted"), WITHIN);
            assertEquals(Optional.empty(), browser.publish("/broadcast",
                    data("sid", "1712345678999", "tid", Long.toString(id), "status", "inserted", "data", data())));

            // A change the server did not publish itself (another component): relayed, as the database has it.
            assertEquals(Optional.empty(), browser.publish("/broadcast",
                    data("sid", Long.toString(id), "tid", Long.toString(id), "status", "updated", "data", data("text", "forged"))));
            var relayed = other.awaitMessage("/update", status(id, "updated"), WITHIN).dataObject();
            assertEquals("saved then broadcast", relayed.getJsonObject("data").getString("text"), "the stored row, not the sender's");

            // Anyone may publish here: a forged delete of a stored event, foreign ids and markup are not passed on.
            assertEquals(Optional.empty(), browser.publish("/broadcast",
                    data("sid", Long.toString(id), "tid", Long.toString(id), "status", "deleted", "data", data())));
            assertEquals(Optional.empty(), browser.publish("/broadcast",
                    data("sid", "row-7", "tid", "row-7", "status", "updated", "data", data("value", "x"))));
            String markup = "<img src=x onerror=alert(1)>";
            assertEquals(Optional.empty(), browser.publish("/broadcast",
                    data("sid", markup, "tid", markup, "status", "inserted", "data", data("text", "x"))));
            assertEquals(Optional.empty(), browser.publish("/broadcast",
                    data("sid", "999999999", "tid", "999999999", "status", "inserted", "data", data("text", "not stored"))));
            // Relays happen while a publish is handled, before its answer: a change made after the answers
            // arrives after anything they relayed.
            http().put("api/events/" + id, Http.JSON, "{\"text\":\"changed by REST\"}");
            other.awaitMessage("/update", d -> status(id, "updated").test(d)
                    && "changed by REST".equals(d.getJsonObject("data").getString("text", "")), WITHIN);
            var sent = other.messages().stream().map(m -> m.dataObject()).toList();
            assertTrue(sent.stream().noneMatch(status(id, "deleted")), "the stored event was not deleted on any page: " + sent);
            for (String foreign : List.of("row-7", markup, "999999999")) {
                assertTrue(sent.stream().noneMatch(d -> foreign.equals(d.getString("tid", ""))), foreign + " was relayed: " + sent);
            }
            assertEquals(1, sent.stream().filter(status(id, "inserted")).count(), "the plugin's re-publish was not relayed");
            http().delete("api/events/" + id);
        }
    }

    @Test
    void clientsCannotPublishOnServerOwnedChannels() {
        try (var client = FayeClient.start("intruder")) {
            client.connect(syncUrl(), WEBSOCKET);
            assertEquals(Optional.of("403:/update:Forbidden channel"), client.publish("/update", data("status", "deleted")));
            assertEquals(Optional.of("403:/calendars/x/update:Forbidden channel"), client.publish("/calendars/x/update", data("a", 1)));
        }
    }

    @Test
    void wildcardsAndClientToClientPublishing() {
        try (var a = FayeClient.start("a"); var b = FayeClient.start("b")) {
            a.connect(syncUrl(), WEBSOCKET);
            b.connect(syncUrl(), LONG_POLLING);
            a.subscribe("/chat/*");
            b.subscribe("/chat/**");
            var calendarWatcher = new TestCalendar(http());
            a.subscribe("/calendars/**");

            assertEquals(Optional.empty(), a.publish("/chat/room", data("from", "a")));
            assertEquals(Optional.empty(), b.publish("/chat/room", data("from", "b")));
            assertEquals(Optional.empty(), a.publish("/chat/room/deep", data("from", "a-deep")));
            for (var client : List.of(a, b)) {
                client.awaitMessage("/chat/room", d -> "a".equals(d.getString("from", "")), WITHIN);
                client.awaitMessage("/chat/room", d -> "b".equals(d.getString("from", "")), WITHIN);
            }
            b.awaitMessage("/chat/room/deep", d -> true, WITHIN);
            a.assertNoMessage("/chat/room/deep", d -> true, Duration.ofMillis(500));

            long id = calendarWatcher.insert("2025-04-01 09:00", "2025-04-01 10:00", "seen through /calendars/**");
            a.awaitMessage("/calendars/" + calendarWatcher.name + "/update", status(id, "inserted"), WITHIN);
        }
    }

    @Test
    void aChangeInAnotherCalendarIsNotDelivered() {
        try (var client = FayeClient.start("mine")) {
            client.connect(syncUrl(), WEBSOCKET);
            var mine = new TestCalendar(http());
            var theirs = new TestCalendar(http());
            client.subscribe("/calendars/" + mine.name + "/update");

            long theirId = theirs.insert("2025-04-01 09:00", "2025-04-01 10:00", "theirs");
            long myId = mine.insert("2025-04-01 09:00", "2025-04-01 10:00", "mine");

            client.awaitMessage("/calendars/" + mine.name + "/update", status(myId, "inserted"), WITHIN);
            assertTrue(client.messages().stream().noneMatch(m -> m.dataObject() != null
                    && Long.toString(theirId).equals(m.dataObject().getString("tid", ""))));
        }
    }

    private static Predicate<JsonObject> status(long id, String status) {
        return status(Long.toString(id), status);
    }

    private static Predicate<JsonObject> status(String id, String status) {
        return d -> id.equals(d.getString("tid", "")) && status.equals(d.getString("status", ""));
    }
}
