package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.support.Management;
import io.liveupdate.it.support.TextFrames;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * dhtmlxScheduler 7.2 RemoteEvents against the real WAR: the {@code GET /api/v1} handshake, the {@code /api/v1}
 * WebSocket exactly as the client builds its URL, and connector saves arriving as add/update/delete-event.
 */
class RemoteEventsIT extends Deployed {

    private static final String TOKEN = "demo-token"; // the demo's token: the test server runs with liveupdate.demo=true
    private static final long WAIT_SECONDS = 10;
    private static final HttpClient WS_CLIENT = HttpClient.newHttpClient();
    private final AtomicInteger barriers = new AtomicInteger();

    @Test
    void aValidTokenGetsAFreshUrlSafeKeyAndAWebSocket() {
        var first = handshake("", TOKEN);
        var second = handshake("?calendar=team-1", TOKEN);

        assertEquals(200, first.statusCode());
        var json = Http.json(first);
        assertEquals(Json.createObjectBuilder().build(), json.getJsonObject("api"));
        assertEquals(Json.createObjectBuilder().build(), json.getJsonObject("data"));
        assertTrue(json.getBoolean("websocket"));
        assertTrue(json.getString("key").matches("[A-Za-z0-9_-]{20,}"), json.getString("key"));
        assertNotEquals(json.getString("key"), Http.json(second).getString("key"));
    }

    @Test
    void aMissingOrUnknownTokenOrABadCalendarIsRefusedWithJson() {
        var missing = http().get("api/v1", "Accept", "application/json");
        var unknown = handshake("", "not-a-token");
        var badCalendar = handshake("?calendar=no%20spaces", TOKEN);

        assertEquals(401, missing.statusCode());
        assertEquals(401, Http.json(missing).getInt("status"));
        assertEquals(403, unknown.statusCode());
        assertFalse(Http.json(unknown).containsKey("websocket"), "the client opens no socket");
        assertEquals(400, badCalendar.statusCode());
        assertTrue(Http.json(badCalendar).getString("message").contains("calendar"));
    }

    @Test
    void aSocketWithABadOrMissingTokenIsClosedAsAPolicyViolation() throws Exception {
        var bad = connect("?token=not-a-key&ws=1");
        var missing = connect("?ws=1");
        var badCalendar = connect("?calendar=bad.name&token=" + key() + "&ws=1");

        assertEquals(1008, bad.closeCode());
        assertEquals(1008, missing.closeCode());
        assertEquals(1008, badCalendar.closeCode());
        assertNull(bad.messages.poll(), "no start for a refused socket");
    }

    @Test
    void startComesFirstWithTheKeyAndTheConfiguredTokenItselfIsRefusedOnTheSocketUrl() throws Exception {
        var withKey = connect("?token=" + key() + "&ws=1");
        var other = connect("?token=" + key() + "&ws=1");
        var withToken = connect("?token=" + TOKEN + "&ws=1");

        var start = withKey.next();
        assertEquals("start", start.getString("action"));
        assertFalse(start.getString("body").isEmpty(), "the connection id");
        assertNotEquals(start.getString("body"), other.next().getString("body"));
        // A URL lands in access logs and history: it carries the expiring key of a handshake, never the token.
        assertEquals(1008, withToken.closeCode());
        assertNull(withToken.messages.poll(), "no start for a raw token");
    }

    @Test
    void connectorSavesArriveAsAddUpdateAndDeleteWithTheServerIdAndTheStoredFields() throws Exception {
        var calendar = new TestCalendar(http());
        var socket = subscribed(calendar.name);

        var inserted = Http.json(http().post(calendar.url, Http.JSON, "{\"id\":\"temp-1\",\"start_date\":\"2025-04-01 09:00\","
                + "\"end_date\":\"2025-04-01 10:00\",\"text\":\"planning <b>\",\"room\":\"B12\",\"seats\":4}"));
        long id = inserted.getJsonNumber("tid").longValue();
        var add = socket.nextEvent();
        http().put(calendar.url + "/" + id, Http.JSON, "{\"text\":\"moved\",\"start_date\":\"2025-04-02 11:30\",\"end_date\":\"2025-04-02 12:00\"}");
        var update = socket.nextEvent();
        http().delete(calendar.url + "/" + id);
        var delete = socket.nextEvent();

        assertEquals("add-event", add.getString("type"));
        var added = add.getJsonObject("event");
        assertEquals(id, added.getJsonNumber("id").longValue(), "the server id, not temp-1");
        assertEquals("2025-04-01 09:00", added.getString("start_date"));
        assertEquals("2025-04-01 10:00", added.getString("end_date"));
        assertEquals("planning <b>", added.getString("text"));
        assertEquals("B12", added.getString("room"));
        assertEquals(4, added.getInt("seats"));

        assertEquals("update-event", update.getString("type"));
        var updated = update.getJsonObject("event");
        assertEquals(id, updated.getJsonNumber("id").longValue());
        assertEquals("moved", updated.getString("text"));
        assertEquals("2025-04-02 11:30", updated.getString("start_date"));
        assertEquals("B12", updated.getString("room"), "an update carries the whole stored row");

        assertEquals("delete-event", delete.getString("type"));
        assertEquals(Json.createObjectBuilder().add("id", id).build(), delete.getJsonObject("event"));
    }

    @Test
    void deletingAnExceptionArrivesAsAnUpdateThatKeepsItAsADeletedMarker() throws Exception {
        var calendar = new TestCalendar(http());
        long series = calendar.insertJson("{\"start_date\":\"2025-04-07 09:00\",\"end_date\":\"2025-06-30 10:00\",\"text\":\"weekly\","
                + "\"rrule\":\"FREQ=WEEKLY;INTERVAL=1;BYDAY=MO\",\"duration\":3600,\"recurring_event_id\":null,\"original_start\":null}");
        long exception = calendar.insertJson("{\"start_date\":\"2025-04-14 11:00\",\"end_date\":\"2025-04-14 12:00\",\"text\":\"moved once\","
                + "\"rrule\":\"\",\"recurring_event_id\":" + series + ",\"original_start\":\"2025-04-14 09:00\"}");
        var socket = subscribed(calendar.name);

        http().delete(calendar.url + "/" + exception);
        var change = socket.nextEvent();

        assertEquals("update-event", change.getString("type"));
        var event = change.getJsonObject("event");
        assertEquals(exception, event.getJsonNumber("id").longValue());
        assertTrue(event.getBoolean("deleted"));
        assertEquals(series, event.getJsonNumber("recurring_event_id").longValue());
        assertEquals("2025-04-14 09:00", event.getString("original_start"));
    }

    @Test
    void deletingASeriesSendsOnlyIdsSoNoClientResurrectsItsExceptionsAsMarkers() throws Exception {
        var calendar = new TestCalendar(http());
        long series = calendar.insertJson("{\"start_date\":\"2025-04-07 09:00\",\"end_date\":\"2025-06-30 10:00\",\"text\":\"weekly\","
                + "\"rrule\":\"FREQ=WEEKLY;INTERVAL=1;BYDAY=MO\",\"duration\":3600,\"recurring_event_id\":null,\"original_start\":null}");
        long exception = calendar.insertJson("{\"start_date\":\"2025-04-14 11:00\",\"end_date\":\"2025-04-14 12:00\",\"text\":\"moved once\","
                + "\"rrule\":\"\",\"recurring_event_id\":" + series + ",\"original_start\":\"2025-04-14 09:00\"}");
        var socket = subscribed(calendar.name);

        http().delete(calendar.url + "/" + series);
        var changes = List.of(socket.nextEvent(), socket.nextEvent());

        assertTrue(changes.stream().allMatch(c -> c.getString("type").equals("delete-event")));
        assertEquals(Set.of(series, exception),
                changes.stream().map(c -> c.getJsonObject("event").getJsonNumber("id").longValue()).collect(Collectors.toSet()));
        assertTrue(changes.stream().allMatch(c -> c.getJsonObject("event").keySet().equals(Set.of("id"))));
    }

    @Test
    void aChangeInAnotherCalendarDoesNotArrive() throws Exception {
        var mine = new TestCalendar(http());
        var theirs = new TestCalendar(http());
        var socket = subscribed(mine.name);

        theirs.insert("2025-04-01 09:00", "2025-04-01 10:00", "not for me");
        long id = mine.insert("2025-04-01 09:00", "2025-04-01 10:00", "for me");

        // Each save is fanned out before its HTTP answer, in order: the first event is the second save's.
        var first = socket.nextEvent().getJsonObject("event");
        assertEquals(id, first.getJsonNumber("id").longValue());
        assertEquals("for me", first.getString("text"));
    }

    @Test
    void withoutACalendarParameterASocketFollowsTheDefaultCalendarOfApiEvents() throws Exception {
        var socket = connect("?token=" + key() + "&ws=1");
        socket.next("start");
        socket.subscribe();

        long id = Http.json(http().post("api/events", Http.JSON,
                "{\"start_date\":\"2025-04-01 09:00\",\"end_date\":\"2025-04-01 10:00\",\"text\":\"default live\"}")).getJsonNumber("tid").longValue();
        http().delete("api/events/" + id);

        // other tests may save in the default calendar too: look for this event's add
        JsonObject add;
        do {
            add = socket.nextEvent();
        } while (add.getJsonObject("event").getJsonNumber("id").longValue() != id);
        assertEquals("add-event", add.getString("type"));
        assertEquals("default live", add.getJsonObject("event").getString("text"));
    }

    @Test
    void unsubscribeStopsDelivery() throws Exception {
        var calendar = new TestCalendar(http());
        var socket = subscribed(calendar.name);

        socket.send("{\"action\":\"unsubscribe\",\"name\":\"events\"}");
        socket.barrier();
        calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "while unsubscribed");
        socket.subscribe();
        long after = calendar.insert("2025-04-01 11:00", "2025-04-01 12:00", "subscribed again");

        var first = socket.nextEvent().getJsonObject("event");
        assertEquals(after, first.getJsonNumber("id").longValue(), "nothing from while it was unsubscribed");
    }

    @Test
    void malformedAndUnknownFramesAreAnsweredAndTheSessionLivesOn() throws Exception {
        var calendar = new TestCalendar(http());
        var socket = subscribed(calendar.name);

        socket.send("this is not JSON {");
        var notJson = socket.next("error");
        socket.send("{\"action\":\"dance\",\"name\":\"events\"}");
        var unknown = socket.next("error");
        socket.send("[1,2,3]");
        socket.next("error");
        long id = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "still live");

        assertTrue(notJson.getJsonObject("body").getString("message").contains("not JSON"));
        assertTrue(unknown.getJsonObject("body").getString("message").contains("dance"));
        assertEquals(id, socket.nextEvent().getJsonObject("event").getJsonNumber("id").longValue());
        assertFalse(socket.closed.isDone(), "bad input never closes the session");
    }

    @Test
    void aCallIsAnsweredWithAnErrorForEachInvocation() throws Exception {
        var socket = connect("?token=" + key() + "&ws=1");
        socket.next("start");

        socket.send("{\"action\":\"call\",\"body\":[{\"id\":\"7\",\"name\":\"events.load\",\"args\":[]}]}");
        var result = socket.next("result").getJsonArray("body").getJsonObject(0);

        assertEquals("7", result.getString("id"));
        assertFalse(result.getString("error").isEmpty());
    }

    @Test
    void aPageThatReconnectsWithItsKeyIsSentTheChangesItMissedInOrderOnce() throws Exception {
        var calendar = new TestCalendar(http());
        String query = pageQuery(calendar);
        var socket = connect(query);
        socket.next("start");
        socket.subscribe();
        long a = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "a");
        assertEquals("add-event", socket.nextEvent().getString("type"));

        socket.ws.abort(); // the network drops: no closing handshake
        long b = calendar.insert("2025-04-02 09:00", "2025-04-02 10:00", "b");
        http().put(calendar.url + "/" + a, Http.JSON, "{\"text\":\"a, renamed\"}");
        long c = calendar.insert("2025-04-03 09:00", "2025-04-03 10:00", "c");
        http().delete(calendar.url + "/" + c);

        // The 7.2 client reconnects with the same URL and key and subscribes again, saying nothing else.
        var again = connect(query);
        again.next("start");
        again.send("{\"action\":\"subscribe\",\"name\":\"events\"}");
        assertEquals(List.of("add-event " + b, "update-event " + a, "add-event " + c, "delete-event " + c),
                List.of(typeAndId(again.nextEvent()), typeAndId(again.nextEvent()), typeAndId(again.nextEvent()), typeAndId(again.nextEvent())));
        long d = calendar.insert("2025-04-04 09:00", "2025-04-04 10:00", "d");
        assertEquals("add-event " + d, typeAndId(again.nextEvent()), "then the live ones, nothing twice");
        again.barrier();
    }

    /** The stored position outlives the application (remote.SharedPositions): no change the page had comes again. */
    @Test
    void afterARedeployAPageIsCaughtUpFromWhereItStood() throws Exception {
        var calendar = new TestCalendar(http());
        long before = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "before the page");
        String query = pageQuery(calendar);
        var socket = connect(query);
        socket.next("start");
        socket.subscribe();
        long a = calendar.insert("2025-04-02 09:00", "2025-04-02 10:00", "a");
        assertEquals("add-event " + a, typeAndId(socket.nextEvent()));

        Management.redeploy("live-update.war"); // the server forgets every connection
        Management.awaitUp(URI.create(deploymentUrl + calendar.url), Duration.ofSeconds(180));
        http().put(calendar.url + "/" + before, Http.JSON, "{\"text\":\"changed while it restarted\"}");

        var again = connect(query);
        again.next("start");
        again.send("{\"action\":\"subscribe\",\"name\":\"events\"}");
        // Not from the handshake on (that would send "a" again): exactly what it missed.
        assertEquals("update-event " + before, typeAndId(again.nextEvent()));
        again.barrier();
    }

    // --- helpers ---

    /** The WebSocket query of one page: its calendar and the key of its own handshake. */
    private String pageQuery(TestCalendar calendar) {
        String key = Http.json(handshake("?calendar=" + calendar.name, TOKEN)).getString("key");
        return "?calendar=" + calendar.name + "&token=" + key + "&ws=1";
    }

    private static String typeAndId(JsonObject value) {
        return value.getString("type") + " " + value.getJsonObject("event").getJsonNumber("id").longValue();
    }

    private HttpResponse<String> handshake(String query, String token) {
        // what RemoteEvents sends (S7 Client.headers)
        return http().get("api/v1" + query, "Accept", "application/json", "Content-Type", "application/json", "Remote-Token", token);
    }

    private String key() {
        return Http.json(handshake("", TOKEN)).getString("key");
    }

    /** A socket on the calendar, URL built as the client builds it, past start and subscribed to events. */
    private Socket subscribed(String calendar) throws Exception {
        String key = Http.json(handshake("?calendar=" + calendar, TOKEN)).getString("key");
        var socket = connect("?calendar=" + calendar + "&token=" + key + "&ws=1");
        socket.next("start");
        socket.subscribe();
        return socket;
    }

    private Socket connect(String query) throws Exception {
        var uri = URI.create(deploymentUrl.toString()).resolve("api/v1" + query);
        var ws = URI.create(uri.toString().replaceFirst("^http", "ws"));
        var socket = new Socket();
        socket.ws = WS_CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(WAIT_SECONDS))
                .buildAsync(ws, socket).get(WAIT_SECONDS, TimeUnit.SECONDS);
        return socket;
    }

    /** A RemoteEvents socket of the test's: what it received (TextFrames), and the protocol's steps. */
    private final class Socket extends TextFrames {
        WebSocket ws;

        void send(String text) throws Exception {
            ws.sendText(text, true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }

        /** Subscribes to events; returns once the server has handled it. */
        void subscribe() throws Exception {
            send("{\"action\":\"subscribe\",\"name\":\"events\"}");
            barrier();
        }

        /** Frames are handled in order: once a call's result is back, every earlier frame has been handled. */
        void barrier() throws Exception {
            String id = "barrier-" + barriers.incrementAndGet();
            send("{\"action\":\"call\",\"body\":[{\"id\":\"" + id + "\",\"name\":\"events.sync\",\"args\":[]}]}");
            assertEquals(id, next("result").getJsonArray("body").getJsonObject(0).getString("id"));
        }

        JsonObject next() throws InterruptedException {
            return nextJson(WAIT_SECONDS);
        }

        /** The next message, which must have this action. */
        JsonObject next(String action) throws InterruptedException {
            var message = next();
            assertEquals(action, message.getString("action"), message.toString());
            return message;
        }

        /** The value of the next message, which must be an event of the events entity. */
        JsonObject nextEvent() throws InterruptedException {
            var body = next("event").getJsonObject("body");
            assertEquals("events", body.getString("name"));
            return body.getJsonObject("value");
        }

        int closeCode() throws Exception {
            return closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
    }
}
