package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Bayeux.*;

import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/** Builds replies the way Faye's {@code _makeResponse} does: {@code id}, {@code clientId} and {@code channel} echoed. */
final class Reply {

    private Reply() {
    }

    static JsonObjectBuilder to(JsonObject request) {
        var reply = Json.createObjectBuilder();
        copy(request, reply, ID);
        copy(request, reply, CLIENT_ID);
        copy(request, reply, CHANNEL);
        return reply;
    }

    static JsonObjectBuilder success(JsonObject request) {
        return to(request).add(SUCCESSFUL, true);
    }

    static JsonObjectBuilder failure(JsonObject request, String error) {
        return to(request).add(ERROR, error).add(SUCCESSFUL, false);
    }

    /** Advice on every successful handshake and connect reply, as Faye gives it. */
    static JsonObject retryAdvice(BayeuxSettings settings) {
        return Json.createObjectBuilder()
                .add(RECONNECT, RECONNECT_RETRY)
                .add(INTERVAL, settings.intervalMillis())
                .add(TIMEOUT, settings.timeoutMillis())
                .build();
    }

    /** The session is gone: the client must handshake again (and then re-subscribe). */
    static JsonObject handshakeAdvice(BayeuxSettings settings) {
        return Json.createObjectBuilder().add(RECONNECT, RECONNECT_HANDSHAKE).add(INTERVAL, settings.intervalMillis()).build();
    }

    /**
     * For a handshake that retrying cannot fix. Faye answers these with {@code reconnect:"handshake"} and no
     * interval, which sends its own client into a tight retry loop (faye/faye#542).
     */
    static JsonObject noneAdvice() {
        return Json.createObjectBuilder().add(RECONNECT, RECONNECT_NONE).build();
    }

    private static void copy(JsonObject from, JsonObjectBuilder to, String field) {
        JsonValue value = from.get(field);
        if (value != null && value != JsonValue.NULL) to.add(field, value);
    }
}
