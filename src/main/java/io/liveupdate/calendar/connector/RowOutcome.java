package io.liveupdate.calendar.connector;

import io.liveupdate.calendar.EventView;
import jakarta.json.JsonValue;

/**
 * The answer for one row: the action the client applies ("inserted", "updated", "deleted", "error",
 * "invalid"), the id it sent (sid), the id to use from now on (tid), a reason when refused, and the
 * stored event when there is one.
 */
public record RowOutcome(String action, JsonValue sid, JsonValue tid, String message, EventView item) {

    public static RowOutcome refused(String action, JsonValue sid, String message) {
        return new RowOutcome(action, sid, sid, message, null);
    }
}
