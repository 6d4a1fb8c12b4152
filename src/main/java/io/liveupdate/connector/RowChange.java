package io.liveupdate.connector;

import jakarta.json.JsonValue;
import java.util.Map;

/**
 * One row of a save request, in any mode: the id the client knows it by (echoed back as sid, typed as
 * the client sent it), the status it asked for (raw, so an unknown one can be reported), and its fields.
 */
public record RowChange(JsonValue sid, String status, Map<String, JsonValue> fields) {
}
