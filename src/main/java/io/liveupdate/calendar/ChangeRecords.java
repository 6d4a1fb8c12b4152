package io.liveupdate.calendar;

import io.liveupdate.json.Json;
import io.liveupdate.persistence.ChangeLog;
import io.liveupdate.persistence.LoggedChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * The calendars' side of the change log: each calendar is a stream ({@value #PREFIX}{@code <name>}), and each
 * change is kept as its kind, client reference and row, so it can be fired again exactly as it was.
 */
@ApplicationScoped
public class ChangeRecords {

    static final String PREFIX = "calendar:";

    @Inject
    ChangeLog log;

    public static String streamOf(String calendar) {
        return PREFIX + calendar;
    }

    /**
     * Numbers the change in its calendar's stream; must run in the transaction that made it. The entry carries a
     * token of its own, so that {@link #wasCommitted} cannot mistake another transaction's identical change for it.
     */
    LoggedEventChange append(EventChanged change) {
        var payload = Json.createObjectBuilder(toJson(change)).add("token", UUID.randomUUID().toString()).build();
        var entry = log.append(streamOf(change.event().calendar()), payload);
        return new LoggedEventChange(new EventChanged(change.kind(), change.event(), change.clientReference(), entry.seq(), entry.epoch()), entry);
    }

    /** Before the current transaction writes its first event: the outside-writes triggers leave its rows to us. */
    void markWritesAsOurs() {
        log.markWritesAsTheWars();
    }

    /** Whether the transaction that appended this change committed; throws while the database is unreachable. */
    boolean wasCommitted(LoggedEventChange change) {
        return log.holds(change.entry());
    }

    /** The change as the log keeps it, read back by {@link #fromJson}. */
    public static JsonObject toJson(EventChanged change) {
        EventView e = change.event();
        var event = Json.createObjectBuilder();
        add(event, "id", e.id());
        add(event, "calendar", e.calendar());
        add(event, "startDate", e.startDate());
        add(event, "endDate", e.endDate());
        add(event, "text", e.text());
        add(event, "rrule", e.rrule());
        add(event, "duration", e.duration());
        add(event, "recurringEventId", e.recurringEventId());
        add(event, "originalStart", e.originalStart());
        event.add("deleted", e.deleted());
        add(event, "recType", e.recType());
        add(event, "eventPid", e.eventPid());
        add(event, "eventLength", e.eventLength());
        event.add("customFields", e.customFields() == null ? JsonValue.EMPTY_JSON_OBJECT : e.customFields());
        event.add("version", e.version());
        var record = Json.createObjectBuilder().add("kind", change.kind().name()).add("event", event);
        add(record, "clientReference", change.clientReference());
        return record.build();
    }

    /** The change as it was fired, from its log entry. */
    public static EventChanged fromJson(LoggedChange logged) {
        JsonObject record = logged.payload();
        JsonObject e = record.getJsonObject("event");
        var event = new EventView(number(e, "id"), e.getString("calendar"), date(e, "startDate"), date(e, "endDate"),
                string(e, "text"), string(e, "rrule"), number(e, "duration"), number(e, "recurringEventId"),
                date(e, "originalStart"), e.getBoolean("deleted", false), string(e, "recType"), number(e, "eventPid"),
                number(e, "eventLength"), e.getJsonObject("customFields"), e.getJsonNumber("version").longValue());
        return new EventChanged(EventChanged.Kind.valueOf(record.getString("kind")), event, string(record, "clientReference"), logged.seq(), logged.epoch());
    }

    private static void add(JsonObjectBuilder json, String name, Object value) {
        if (value instanceof Long number) json.add(name, number);
        else if (value != null) json.add(name, value.toString());
    }

    private static String string(JsonObject json, String name) {
        return json.get(name) instanceof JsonString text ? text.getString() : null;
    }

    private static Long number(JsonObject json, String name) {
        return json.get(name) instanceof JsonNumber number ? number.longValue() : null;
    }

    private static LocalDateTime date(JsonObject json, String name) {
        String text = string(json, name);
        return text == null ? null : LocalDateTime.parse(text);
    }
}
