package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A dhtmlxScheduler 7.2 RemoteEvents page on one node, reduced to what the cluster test needs: the handshake with
 * the demo token, the {@code /api/v1} socket as the client builds its URL, subscribed to events (RemoteEventsIT
 * covers the protocol itself).
 */
final class RemoteEventsPage implements AutoCloseable, WebSocket.Listener {

    private static final long WAIT_SECONDS = 60;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private String key;
    private WebSocket socket;

    /** Opens the page's socket on {@code base} (the node's WAR root) and waits until it is subscribed. */
    static RemoteEventsPage open(Http http, URI base, String calendar) throws Exception {
        String key = Http.json(http.get("api/v1?calendar=" + calendar, "Accept", "application/json", "Remote-Token", "demo-token")).getString("key");
        var page = connect(base, calendar, key);
        page.send("{\"action\":\"subscribe\",\"name\":\"events\"}");
        page.barrier(); // frames are handled in order: once this call's result is back, the subscribe has been handled
        return page;
    }

    /**
     * The page's next connection, to {@code base} (any node), as the 7.2 client makes it: the same URL and key, a
     * subscribe, nothing else; what it missed comes first.
     */
    static RemoteEventsPage reconnect(URI base, String calendar, String key) throws Exception {
        var page = connect(base, calendar, key);
        page.send("{\"action\":\"subscribe\",\"name\":\"events\"}");
        return page;
    }

    private static RemoteEventsPage connect(URI base, String calendar, String key) throws Exception {
        var page = new RemoteEventsPage();
        page.key = key;
        var ws = URI.create(base.resolve("api/v1?calendar=" + calendar + "&token=" + key + "&ws=1").toString().replaceFirst("^http", "ws"));
        page.socket = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(ws, page).get(10, TimeUnit.SECONDS);
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
        closed.get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** The value of the next message, which must be an event of the events entity. */
    JsonObject nextEvent() throws InterruptedException {
        var body = next("event").getJsonObject("body");
        assertEquals("events", body.getString("name"));
        return body.getJsonObject("value");
    }

    private JsonObject next(String action) throws InterruptedException {
        var message = messages.poll(WAIT_SECONDS, TimeUnit.SECONDS);
        assertNotNull(message, "no " + action + " within " + WAIT_SECONDS + " s");
        assertEquals(action, message.getString("action"), message.toString());
        return message;
    }

    private void send(String text) throws Exception {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try (var reader = Json.createReader(new StringReader(partial.toString()))) {
                messages.add(reader.readObject());
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void close() {
        if (socket != null) socket.abort();
    }
}
