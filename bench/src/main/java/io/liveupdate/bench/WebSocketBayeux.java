package io.liveupdate.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One Bayeux session over WebSocket, as Faye's client runs it: handshake, subscribe, then a {@code /meta/connect}
 * that is renewed whenever its reply arrives. Events are scanned for {@link Probe} markers into the sink.
 */
final class WebSocketBayeux implements WebSocket.Listener {

    private static final String TYPE = "websocket";

    private final Probe.Sink sink;
    private final Problems problems;
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<String> handshaken = new CompletableFuture<>();
    private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
    private WebSocket socket;
    /** java.net.http allows one send at a time: each send waits for the previous one. */
    private CompletableFuture<WebSocket> sending;
    private volatile String clientId;
    private volatile boolean closing;

    private WebSocketBayeux(Probe.Sink sink, Problems problems) {
        this.sink = sink;
        this.problems = problems;
    }

    /** Opens the socket, handshakes and subscribes to {@code channel} (none if null); completes when subscribed. */
    static CompletableFuture<WebSocketBayeux> open(HttpClient http, URI uri, String channel, Probe.Sink sink, Problems problems) {
        var session = new WebSocketBayeux(sink, problems);
        return http.newWebSocketBuilder().buildAsync(uri, session).thenCompose(socket -> {
            synchronized (session) {
                session.socket = socket;
                session.sending = CompletableFuture.completedFuture(socket);
            }
            session.send(BayeuxFrames.handshake(TYPE));
            return session.handshaken;
        }).thenCompose(id -> {
            if (channel == null) {
                session.subscribed.complete(null);
            } else {
                session.send(BayeuxFrames.subscribe(id, channel));
            }
            session.send(BayeuxFrames.connect(id, TYPE));
            return session.subscribed;
        }).thenApply(v -> session);
    }

    String clientId() {
        return clientId;
    }

    /** Queues a frame behind the ones being sent; returns when this one has been handed to the socket. */
    synchronized CompletableFuture<WebSocket> send(String frame) {
        sending = sending.thenCompose(s -> s.sendText(frame, true));
        sending.exceptionally(e -> {
            if (!closing) problems.add("send failed: " + e);
            return null;
        });
        return sending;
    }

    void close() {
        closing = true;
        var s = socket;
        if (s != null) s.abort();
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
            handle(frame);
        }
        webSocket.request(1);
        return null;
    }

    private void handle(String frame) {
        Probe.scan(frame, sink);
        if (!BayeuxFrames.isMeta(frame) && !BayeuxFrames.hasFailure(frame)) return;
        boolean failed = BayeuxFrames.hasFailure(frame);
        if (failed) problems.add("refused: " + frame);
        if (clientId == null) {
            String id = BayeuxFrames.clientId(frame);
            if (id == null) {
                handshaken.completeExceptionally(new IllegalStateException("handshake refused: " + frame));
                return;
            }
            clientId = id;
            handshaken.complete(id);
        }
        if (frame.contains("/meta/subscribe")) subscribed.complete(null);
        // A refused connect (session gone) is not renewed: that would loop; the loss shows in the counts.
        for (int i = BayeuxFrames.connectReplies(frame); i > 0 && !closing && !failed; i--) send(BayeuxFrames.connect(clientId, TYPE));
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        if (!closing) problems.add("socket closed by the server: " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        if (!closing) problems.add("socket failed: " + error);
        handshaken.completeExceptionally(error);
        subscribed.completeExceptionally(error);
    }
}
