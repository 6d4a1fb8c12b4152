package io.liveupdate.wire;

import io.liveupdate.calendar.EventView;
import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event as the scheduler loads it: id, dates in the page's format, text, the recurrence fields that
 * are set, then every custom field as it was saved. One field list, written as JSON or connector XML.
 */
public final class EventWriter {

    private final DatePattern dates;

    public EventWriter(DatePattern dates) {
        this.dates = dates;
    }

    public JsonObject json(EventView event) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        fields(event).forEach(json::add);
        return json.build();
    }

    /** {@code <event id="..">} with one CDATA child per field, as the Java connector wrote it. */
    public void xml(EventView event, StringBuilder out) {
        out.append("<event id=\"").append(event.id()).append("\">");
        fields(event).forEach((name, value) -> {
            if (name.equals("id") || !Xml.isElementName(name)) return;
            String text = value instanceof JsonString s ? s.getString() : value.toString();
            out.append('<').append(name).append('>').append(Xml.cdata(text)).append("</").append(name).append('>');
        });
        out.append("</event>");
    }

    private Map<String, JsonValue> fields(EventView e) {
        Map<String, JsonValue> f = new LinkedHashMap<>();
        f.put("id", Json.createValue(e.id()));
        f.put("start_date", date(e.startDate()));
        f.put("end_date", date(e.endDate()));
        f.put("text", Json.createValue(e.text()));
        if (e.rrule() != null) f.put("rrule", Json.createValue(e.rrule()));
        if (e.duration() != null) f.put("duration", Json.createValue(e.duration()));
        if (e.recurringEventId() != null) f.put("recurring_event_id", Json.createValue(e.recurringEventId()));
        if (e.originalStart() != null) f.put("original_start", date(e.originalStart()));
        // Only ever written when true: the XML parser would read "false" as a truthy string.
        if (e.deleted()) f.put("deleted", JsonValue.TRUE);
        if (e.recType() != null) f.put("rec_type", Json.createValue(e.recType()));
        if (e.eventPid() != null) f.put("event_pid", Json.createValue(e.eventPid()));
        if (e.eventLength() != null) f.put("event_length", Json.createValue(e.eventLength()));
        // Sent back by the dataProcessor with every update, so a stale edit can be told apart (EventField.VERSION).
        f.put("version", Json.createValue(e.version()));
        e.customFields().forEach(f::putIfAbsent);
        return f;
    }

    private JsonValue date(LocalDateTime t) {
        return Json.createValue(dates.format(t));
    }
}
