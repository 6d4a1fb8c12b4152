package io.liveupdate.it.support;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JDK WebSocket listener for the raw-socket tests: every whole text message (however many frames it came in) into
 * a queue, the close code, or the error, into a future.
 */
public class TextFrames implements WebSocket.Listener {

    public final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(partial.toString());
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
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    /** The next message as a JSON object; fails when none comes within {@code seconds}. */
    public JsonObject nextJson(long seconds) throws InterruptedException {
        String message = messages.poll(seconds, TimeUnit.SECONDS);
        assertNotNull(message, "no message within " + seconds + " s");
        try (var reader = Json.createReader(new StringReader(message))) {
            return reader.readObject();
        }
    }
}
