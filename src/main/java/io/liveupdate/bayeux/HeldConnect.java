package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Bayeux.*;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code /meta/connect} waiting for its reply: a successful one with the events it carries, or, if the
 * session was torn down under it, {@code 401} with {@code reconnect:"handshake"}. Completes once.
 */
final class HeldConnect {

    private final JsonObject request;
    private final BayeuxSettings settings;
    private final CompletableFuture<List<FrozenMessage>> reply = new CompletableFuture<>();
    private volatile Scheduler.Cancellable timer;

    HeldConnect(JsonObject request, BayeuxSettings settings) {
        this.request = request;
        this.settings = settings;
    }

    CompletableFuture<List<FrozenMessage>> reply() {
        return reply;
    }

    void timer(Scheduler.Cancellable timer) {
        this.timer = timer;
        if (reply.isDone()) timer.cancel();
    }

    void complete(List<FrozenMessage> events) {
        var messages = new ArrayList<FrozenMessage>(events.size() + 1);
        messages.add(FrozenMessage.of(Reply.success(request).add(ADVICE, Reply.retryAdvice(settings)).build()));
        messages.addAll(events);
        finish(messages);
    }

    /** Successful, with the last events and {@code reconnect:"handshake"}: the server is going away, the session with it. */
    void handshakeAgain(List<FrozenMessage> events) {
        var messages = new ArrayList<FrozenMessage>(events.size() + 1);
        messages.add(FrozenMessage.of(Reply.success(request).add(ADVICE, Reply.handshakeAdvice(settings)).build()));
        messages.addAll(events);
        finish(messages);
    }

    void sessionGone() {
        finish(List.of(failed(request, BayeuxError.clientUnknown(Messages.string(request, CLIENT_ID)), settings)));
    }

    /** Faye drops the clientId from a failed connect's reply. */
    static FrozenMessage failed(JsonObject request, String error, BayeuxSettings settings) {
        return FrozenMessage.of(Reply.failure(request, error)
                .remove(CLIENT_ID)
                .add(ADVICE, Reply.handshakeAdvice(settings))
                .build());
    }

    private void finish(List<FrozenMessage> messages) {
        var pending = timer;
        if (pending != null) pending.cancel();
        reply.complete(messages);
    }
}
