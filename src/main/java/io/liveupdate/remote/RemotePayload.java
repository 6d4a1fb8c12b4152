package io.liveupdate.remote;

import io.liveupdate.calendar.EventChanged;
import io.liveupdate.json.Json;
import io.liveupdate.wire.DatePattern;
import io.liveupdate.wire.EventWriter;
import io.liveupdate.wire.GanttWriter;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Every JSON text the server sends a RemoteEvents client, in one place (docs: client-protocols.md section 4).
 *
 * <p>Events are the committed row in the scheduler's load format with the server id, dates in the v7 default
 * {@code %Y-%m-%d %H:%i}. A delete carries only the id: with {@code recurring_event_id} or {@code event_pid} in
 * it, a client that no longer has the row (it dropped a series' exceptions with the series) would add the
 * payload back as a deleted-occurrence marker. Deleting an exception is stored as an update ({@code deleted:true}
 * or {@code rec_type:"none"}) and sent as {@code update-event}: the row stays, and stays a marker, for everyone.
 * A chart's tasks and links are sent as their change was numbered ({@link #ganttChange}).
 */
final class RemotePayload {

    /** The scheduler's entity. */
    static final String EVENTS = RemoteTarget.EVENTS;

    private static final EventWriter EVENT_WRITER = new EventWriter(DatePattern.V7_DEFAULT);

    private RemotePayload() {
    }

    /** The answer to {@code GET /api/v1}: no RPC, no data, a WebSocket, and the key it is to use. */
    static String handshake(String key) {
        return Json.createObjectBuilder()
                .add("api", JsonValue.EMPTY_JSON_OBJECT)
                .add("data", JsonValue.EMPTY_JSON_OBJECT)
                .add("websocket", true)
                .add("key", key)
                .build().toString();
    }

    /** The body of a refused handshake; the client parses it and opens no socket. */
    static String refusal(int status, String message) {
        return Json.createObjectBuilder().add("action", "error").add("status", status).add("message", message)
                .build().toString();
    }

    /** The first frame of every connection: only after it does the client subscribe. */
    static String start(String connectionId) {
        return message("start", Json.createValue(connectionId));
    }

    static String event(EventChanged change) {
        JsonObject event = change.kind() == EventChanged.Kind.DELETED
                ? Json.createObjectBuilder().add("id", change.event().id()).build()
                : EVENT_WRITER.json(change.event());
        JsonObject value = Json.createObjectBuilder().add("type", type(change.kind())).add("event", event).build();
        return message("event", Json.createObjectBuilder().add("name", EVENTS).add("value", value).build());
    }

    /**
     * A chart's change, {@link io.liveupdate.gantt.GanttChanged#message()} as it was numbered (the value Faye pages
     * get too) as the chart reads it ({@link GanttWriter#change}), on the entity Gantt's client reads it from:
     * {@code tasks} or {@code links}.
     */
    static String ganttChange(JsonObject change) {
        String entity = change.containsKey("task") ? RemoteTarget.TASKS : RemoteTarget.LINKS;
        return message("event", Json.createObjectBuilder().add("name", entity).add("value", GanttWriter.change(change)).build());
    }

    /** Every invocation of a call answered with an error: this server offers no remote methods. */
    static String callRefused(List<JsonValue> ids) {
        JsonArrayBuilder results = Json.createArrayBuilder();
        ids.forEach(id -> results.add(Json.createObjectBuilder()
                .add("id", id).add("data", JsonValue.NULL).add("error", "no remote methods are offered")));
        return message("result", results.build());
    }

    /** The answer to a frame that could not be used; the 7.2 client hands it to its no-op onError. */
    static String error(String problem) {
        return message("error", Json.createObjectBuilder().add("message", problem).build());
    }

    static String type(EventChanged.Kind kind) {
        return switch (kind) {
            case INSERTED -> "add-event";
            case UPDATED -> "update-event";
            case DELETED -> "delete-event";
        };
    }

    private static String message(String action, JsonValue body) {
        return Json.createObjectBuilder().add("action", action).add("body", body).build().toString();
    }
}
