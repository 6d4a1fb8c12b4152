package io.liveupdate.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One Bayeux session over long-polling (JSON POSTs): handshake, subscribe, then one {@code /meta/connect} always
 * outstanding, renewed as soon as its response (carrying the events) arrives.
 */
final class LongPollingBayeux {

    private static final String TYPE = "long-polling";

    private final HttpClient http;
    private final URI uri;
    private final Probe.Sink sink;
    private final Problems problems;
    private volatile String clientId;
    private volatile boolean closing;

    private LongPollingBayeux(HttpClient http, URI uri, Probe.Sink sink, Problems problems) {
        this.http = http;
        this.uri = uri;
        this.sink = sink;
        this.problems = problems;
    }

    static CompletableFuture<LongPollingBayeux> open(HttpClient http, URI uri, String channel, Probe.Sink sink, Problems problems) {
        var session = new LongPollingBayeux(http, uri, sink, problems);
        return session.post(BayeuxFrames.handshake(TYPE)).thenCompose(reply -> {
            String id = BayeuxFrames.clientId(reply);
            if (id == null || BayeuxFrames.hasFailure(reply)) throw new IllegalStateException("handshake refused: " + reply);
            session.clientId = id;
            return session.post(BayeuxFrames.subscribe(id, channel));
        }).thenApply(reply -> {
            if (BayeuxFrames.hasFailure(reply)) throw new IllegalStateException("subscribe refused: " + reply);
            session.poll();
            return session;
        });
    }

    void close() {
        closing = true;
    }

    private void poll() {
        if (closing) return;
        post(BayeuxFrames.connect(clientId, TYPE)).whenComplete((reply, failure) -> {
            if (closing) return;
            if (failure != null) {
                problems.add("connect failed: " + failure);
                return;
            }
            Probe.scan(reply, sink);
            if (BayeuxFrames.hasFailure(reply)) {
                problems.add("connect refused: " + reply);
                return;
            }
            poll();
        });
    }

    private CompletableFuture<String> post(String body) {
        var request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(90))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
            return response.body();
        });
    }
}
