package io.liveupdate.live;

import io.liveupdate.calendar.EventChanged;
import io.liveupdate.calendar.EventView;
import io.liveupdate.json.Json;
import io.liveupdate.wire.DatePattern;
import io.liveupdate.wire.EventWriter;
import jakarta.json.JsonObject;

/**
 * The message of the legacy {@code dp.live_updates(url)} plugin: {@code {sid, tid, status, data}}, with the
 * event's dates in {@code api_date} ({@code %d-%m-%Y %H:%i}), which is how the plugin parses them.
 * {@code sid} is the id the saving page knew the row by (its temporary id for an insert), so that page
 * renames its own event instead of adding a second copy; {@code tid} is the server id.
 */
public final class LegacyUpdatePayload {

    private static final EventWriter API_DATE_EVENTS = new EventWriter(DatePattern.API_DATE);

    private LegacyUpdatePayload() {
    }

    public static JsonObject of(EventChanged change) {
        EventView event = change.event();
        String tid = Long.toString(event.id());
        String sid = change.clientReference() == null ? tid : change.clientReference();
        return Json.createObjectBuilder()
                .add("sid", sid)
                .add("tid", tid)
                .add("status", change.kind().asSaveAction().wireName())
                .add("data", API_DATE_EVENTS.json(event))
                .build();
    }
}
