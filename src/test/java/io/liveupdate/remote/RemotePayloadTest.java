package io.liveupdate.remote;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.calendar.EventChanged;
import io.liveupdate.calendar.EventChanged.Kind;
import io.liveupdate.calendar.EventView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class RemotePayloadTest {

    private static final LocalDateTime NINE = LocalDateTime.of(2025, 4, 1, 9, 0);
    private static final LocalDateTime TEN = LocalDateTime.of(2025, 4, 1, 10, 0);

    @Test
    void theHandshakeOffersAWebSocketAndTheKeyAndNoRpc() {
        var json = read(RemotePayload.handshake("k3y"));

        assertEquals(JsonValue.EMPTY_JSON_OBJECT, json.getJsonObject("api"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, json.getJsonObject("data"));
        assertTrue(json.getBoolean("websocket"));
        assertEquals("k3y", json.getString("key"));
    }

    @Test
    void startCarriesTheConnectionId() {
        assertEquals("{\"action\":\"start\",\"body\":\"c-1\"}", RemotePayload.start("c-1"));
    }

    @Test
    void anInsertIsAnAddEventWithTheStoredRowAndTheServerId() {
        var custom = Json.createObjectBuilder().add("room", "B12").add("seats", 4).build();
        var change = new EventChanged(Kind.INSERTED, event(42L, "standup", custom, false), "1712345678901");

        var body = read(RemotePayload.event(change));

        assertEquals("event", body.getString("action"));
        assertEquals("events", body.getJsonObject("body").getString("name"));
        var value = body.getJsonObject("body").getJsonObject("value");
        assertEquals("add-event", value.getString("type"));
        var event = value.getJsonObject("event");
        assertEquals(42, event.getInt("id"), "the server id, never the client's temporary id");
        assertEquals("2025-04-01 09:00", event.getString("start_date"));
        assertEquals("2025-04-01 10:00", event.getString("end_date"));
        assertEquals("standup", event.getString("text"));
        assertEquals("B12", event.getString("room"));
        assertEquals(4, event.getInt("seats"));
    }

    @Test
    void anUpdateIsAnUpdateEventWithTheWholeRow() {
        var value = value(new EventChanged(Kind.UPDATED, event(7L, "moved", JsonValue.EMPTY_JSON_OBJECT, false), null));

        assertEquals("update-event", value.getString("type"));
        assertEquals("moved", value.getJsonObject("event").getString("text"));
        assertEquals("2025-04-01 09:00", value.getJsonObject("event").getString("start_date"));
    }

    @Test
    void aDeleteCarriesOnlyTheIdSoNoClientTurnsItIntoAMarker() {
        var exception = exceptionOf(5L, 9L, false);

        var value = value(new EventChanged(Kind.DELETED, exception, null));

        assertEquals("delete-event", value.getString("type"));
        assertEquals(Json.createObjectBuilder().add("id", 9).build(), value.getJsonObject("event"));
    }

    @Test
    void aDeletedExceptionIsAnUpdateThatKeepsItAMarker() {
        var value = value(new EventChanged(Kind.UPDATED, exceptionOf(5L, 9L, true), null));

        assertEquals("update-event", value.getString("type"));
        var event = value.getJsonObject("event");
        assertTrue(event.getBoolean("deleted"));
        assertEquals(5, event.getInt("recurring_event_id"));
        assertEquals("2025-04-08 09:00", event.getString("original_start"));
    }

    @Test
    void aCallIsAnsweredWithAnErrorPerInvocation() {
        var body = read(RemotePayload.callRefused(List.of(Json.createValue("1"), Json.createValue(2))));

        assertEquals("result", body.getString("action"));
        var results = body.getJsonArray("body").getValuesAs(JsonObject.class);
        assertEquals(2, results.size());
        assertEquals("1", results.get(0).getString("id"));
        assertEquals(2, results.get(1).getInt("id"));
        assertTrue(results.stream().allMatch(r -> !r.getString("error").isEmpty() && r.isNull("data")));
    }

    @Test
    void refusalsAndErrorsAreJson() {
        var refusal = read(RemotePayload.refusal(403, "unknown Remote-Token"));
        var error = read(RemotePayload.error("not JSON"));

        assertEquals(403, refusal.getInt("status"));
        assertEquals("unknown Remote-Token", refusal.getString("message"));
        assertEquals("error", error.getString("action"));
        assertEquals("not JSON", error.getJsonObject("body").getString("message"));
    }

    private static JsonObject value(EventChanged change) {
        return read(RemotePayload.event(change)).getJsonObject("body").getJsonObject("value");
    }

    private static EventView event(Long id, String text, JsonObject custom, boolean deleted) {
        return new EventView(id, "team", NINE, TEN, text, null, null, null, null, deleted, null, null, null, custom, 1);
    }

    private static EventView exceptionOf(Long series, Long id, boolean deleted) {
        return new EventView(id, "team", NINE.plusDays(7), TEN.plusDays(7), "x", "FREQ=WEEKLY", 3600L, series,
                NINE.plusDays(7), deleted, null, null, null, JsonValue.EMPTY_JSON_OBJECT, 2);
    }

    private static JsonObject read(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
