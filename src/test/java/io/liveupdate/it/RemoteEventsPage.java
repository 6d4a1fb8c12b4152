package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.liveupdate.it.support.TextFrames;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A RemoteEvents page on one node, reduced to what the cluster tests need: the handshake with the demo token, the
 * {@code /api/v1} socket as the client builds its URL, subscribed to a calendar's events (dhtmlxScheduler 7.2) or
 * to a chart's tasks and links (dhtmlxGantt 10: {@code ?gantt=<name>}); RemoteEventsIT covers the protocol itself.
 */
final class RemoteEventsPage implements AutoCloseable {

    private static final long WAIT_SECONDS = 60;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final List<String> EVENTS = List.of("events");
    private static final List<String> CHART = List.of("tasks", "links");

    private final TextFrames received = new TextFrames();
    private String key;
    private WebSocket socket;

    /** Opens the page's socket on {@code base} (the node's WAR root) and waits until it is subscribed. */
    static RemoteEventsPage open(Http http, URI base, String calendar) throws Exception {
        return open(http, base, "calendar=" + calendar, EVENTS);
    }

    /** A dhtmlxGantt page on the chart, subscribed as {@code remoteEvents.on(gantt.ext.liveUpdates.remoteUpdates)} does. */
    static RemoteEventsPage openGantt(Http http, URI base, String gantt) throws Exception {
        return open(http, base, "gantt=" + gantt, CHART);
    }

    private static RemoteEventsPage open(Http http, URI base, String target, List<String> entities) throws Exception {
        String key = Http.json(http.get("api/v1?" + target, "Accept", "application/json", "Remote-Token", "demo-token")).getString("key");
        var page = connect(base, target, key);
        page.subscribe(entities);
        page.barrier(); // frames are handled in order: once this call's result is back, the subscribe has been handled
        return page;
    }

    /**
     * The page's next connection, to {@code base} (any node), as the 7.2 client makes it: the same URL and key, a
     * subscribe, nothing else; what it missed comes first.
     */
    static RemoteEventsPage reconnect(URI base, String calendar, String key) throws Exception {
        var page = connect(base, "calendar=" + calendar, key);
        page.subscribe(EVENTS);
        return page;
    }

    /** As {@link #reconnect}, a dhtmlxGantt page on the chart. */
    static RemoteEventsPage reconnectGantt(URI base, String gantt, String key) throws Exception {
        var page = connect(base, "gantt=" + gantt, key);
        page.subscribe(CHART);
        return page;
    }

    private void subscribe(List<String> entities) throws Exception {
        for (String entity : entities) send("{\"action\":\"subscribe\",\"name\":\"" + entity + "\"}");
    }

    private static RemoteEventsPage connect(URI base, String target, String key) throws Exception {
        var page = new RemoteEventsPage();
        page.key = key;
        var ws = URI.create(base.resolve("api/v1?" + target + "&token=" + key + "&ws=1").toString().replaceFirst("^http", "ws"));
        page.socket = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(ws, page.received).get(10, TimeUnit.SECONDS);
        page.next("start");
        return page;
    }

    /** The key of the page's handshake, which its reconnects use. */
    String key() {
        return key;
    }

    /** Asserts that nothing but a call's result comes next: every frame sent before it has been received. */
    void barrier() throws Exception {
        send("{\"action\":\"call\",\"body\":[{\"id\":\"barrier\",\"name\":\"events.sync\",\"args\":[]}]}");
        assertEquals("barrier", next("result").getJsonArray("body").getJsonObject(0).getString("id"));
    }

    /** Ends the connection with a closing handshake, as a page that navigates away does; waits for the server's close. */
    void closeNormally() throws Exception {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "page left").get(10, TimeUnit.SECONDS);
        received.closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The value of the next message, which must be an event of the events entity. */
    JsonObject nextEvent() throws InterruptedException {
        var body = next("event").getJsonObject("body");
        assertEquals("events", body.getString("name"));
        return body.getJsonObject("value");
    }

    /**
     * The next message, which must be a chart's change: {@code "type item-id"}, e.g. {@code "add-task 12"}, its entity
     * checked ({@code tasks} for a task, {@code links} for a link).
     */
    String nextGanttChange() throws InterruptedException {
        var value = nextGanttValue();
        var item = value.containsKey("task") ? value.getJsonObject("task") : value.getJsonObject("link");
        return value.getString("type") + " " + item.getJsonNumber("id").longValue();
    }

    /** The value of the next message, which must be a chart's change on its entity. */
    JsonObject nextGanttValue() throws InterruptedException {
        var body = next("event").getJsonObject("body");
        var value = body.getJsonObject("value");
        assertEquals(value.containsKey("task") ? "tasks" : "links", body.getString("name"), value.toString());
        return value;
    }

    private JsonObject next(String action) throws InterruptedException {
        var message = received.nextJson(WAIT_SECONDS);
        assertEquals(action, message.getString("action"), message.toString());
        return message;
    }

    private void send(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (socket != null) socket.abort();
    }
}
