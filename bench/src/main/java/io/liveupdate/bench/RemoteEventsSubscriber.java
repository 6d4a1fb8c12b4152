package io.liveupdate.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

/**
 * One dhtmlxScheduler 7.2 RemoteEvents client: {@code GET /api/v1} with the token for a key, then the WebSocket
 * the client builds from it, and {@code subscribe} to {@code events} once the server's {@code start} frame came.
 */
final class RemoteEventsSubscriber implements WebSocket.Listener {

    private static final Pattern KEY = Pattern.compile("\"key\"\\s*:\\s*\"([^\"]+)\"");

    private final Probe.Sink sink;
    private final Problems problems;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private volatile boolean closing;
    private WebSocket socket;

    private RemoteEventsSubscriber(Probe.Sink sink, Problems problems) {
        this.sink = sink;
        this.problems = problems;
    }

    /** {@code base} is the server root (http://host:port); completes once the subscribe has been sent. */
    static CompletableFuture<RemoteEventsSubscriber> open(HttpClient http, URI base, String calendar, String token,
                                                         Probe.Sink sink, Problems problems) {
        var subscriber = new RemoteEventsSubscriber(sink, problems);
        var handshake = HttpRequest.newBuilder(base.resolve("/api/v1?calendar=" + calendar)).header("Remote-Token", token).GET().build();
        return http.sendAsync(handshake, HttpResponse.BodyHandlers.ofString()).thenCompose(response -> {
            var key = KEY.matcher(response.body());
            if (response.statusCode() != 200 || !key.find()) {
                throw new IllegalStateException("RemoteEvents handshake refused: " + response.statusCode() + " " + response.body());
            }
            URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "/api/v1?calendar=" + calendar + "&token="
                    + URLEncoder.encode(key.group(1), StandardCharsets.UTF_8) + "&ws=1");
            return http.newWebSocketBuilder().buildAsync(ws, subscriber);
        }).thenCompose(socket -> {
            subscriber.socket = socket;
            return subscriber.started.thenCompose(v -> socket.sendText("{\"action\":\"subscribe\",\"name\":\"events\"}", true));
        }).thenApply(socket -> subscriber);
    }

    void close() {
        closing = true;
        if (socket != null) socket.abort();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            if (Probe.scan(frame, sink) == 0) {
                if (frame.contains("\"start\"")) started.complete(null);
                else if (frame.contains("\"error\"")) problems.add("RemoteEvents error: " + frame);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!closing) problems.add("RemoteEvents socket closed: " + statusCode + " " + reason);
        started.completeExceptionally(new IllegalStateException("closed " + statusCode + " " + reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (!closing) problems.add("RemoteEvents socket failed: " + error);
        started.completeExceptionally(error);
    }
}
