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
    private WebSocket socket;

    /** Opens the page's socket on {@code base} (the node's WAR root) and waits until it is subscribed. */
    static RemoteEventsPage open(Http http, URI base, String calendar) throws Exception {
        String key = Http.json(http.get("api/v1?calendar=" + calendar, "Accept", "application/json", "Remote-Token", "demo-token")).getString("key");
        var page = new RemoteEventsPage();
        var ws = URI.create(base.resolve("api/v1?calendar=" + calendar + "&token=" + key + "&ws=1").toString().replaceFirst("^http", "ws"));
        page.socket = CLIENT.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10)).buildAsync(ws, page).get(10, TimeUnit.SECONDS);
        page.next("start");
        page.send("{\"action\":\"subscribe\",\"name\":\"events\"}");
        // Frames are handled in order: once this call's result is back, the subscribe has been handled.
        page.send("{\"action\":\"call\",\"body\":[{\"id\":\"subscribed\",\"name\":\"events.sync\",\"args\":[]}]}");
        assertEquals("subscribed", page.next("result").getJsonArray("body").getJsonObject(0).getString("id"));
        return page;
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
    public void close() {
        if (socket != null) socket.abort();
    }
}
