package io.liveupdate.gantt.connector;

import io.liveupdate.calendar.CustomFields;
import io.liveupdate.connector.SchedulerDates;
import io.liveupdate.gantt.GanttItems;
import io.liveupdate.gantt.GanttRefusal;
import io.liveupdate.gantt.LinkData;
import io.liveupdate.gantt.TaskData;
import io.liveupdate.gantt.TaskMove;
import io.liveupdate.input.LogSafe;
import io.liveupdate.input.PlainId;
import io.liveupdate.json.Json;
import io.liveupdate.wire.GanttWriter;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * A task's or a link's fields as a save sends them (JSON values from the JSON modes, strings from the form modes), typed
 * into {@link TaskData} or {@link LinkData}; anything unreadable is a {@link GanttRefusal} naming the field. The client
 * sends {@code ""} for a field it holds as null: that names nothing.
 */
final class GanttFields {

    /** The fields the server owns or reads itself: never stored as custom fields. */
    static final Set<String> TASK_FIELDS = Set.of("id", "text", "start_date", "duration", "end_date", "progress", "parent",
            "open", "type", "sortorder", "version", "target", "!nativeeditor_status", "gantt_mode", "editing", "dhx_security");
    static final Set<String> LINK_FIELDS = Set.of("id", "source", "target", "type", "version", "!nativeeditor_status",
            "gantt_mode", "editing", "dhx_security");

    private GanttFields() {
    }

    static TaskData task(JsonObject fields) {
        LocalDateTime start = date(fields, "start_date");
        LocalDateTime end = date(fields, "end_date");
        Double duration = number(fields, "duration");
        if (duration != null && duration < 0) throw new GanttRefusal("duration " + duration + " is negative");
        Double progress = number(fields, "progress");
        if (progress != null && (progress < 0 || progress > 1)) throw new GanttRefusal("progress " + progress + " is not between 0 and 1");
        String target = text(fields, "target");
        return new TaskData(text(fields, "text"), start, duration, end, progress, whole(fields, "parent"), flag(fields, "open"),
                plain(fields, "type"), custom(fields, TASK_FIELDS), whole(fields, "version"), TaskMove.parse(target).orElse(null));
    }

    static LinkData link(JsonObject fields) {
        return new LinkData(whole(fields, "source"), whole(fields, "target"), plain(fields, "type"), custom(fields, LINK_FIELDS),
                whole(fields, "version"));
    }

    /** The version a delete names, if any (REST deletes have no body: none). */
    static Long version(JsonObject fields) {
        return whole(fields, "version");
    }

    private static JsonValue named(JsonObject fields, String name) {
        JsonValue value = fields.get(name);
        if (value == null || value == JsonValue.NULL) return null;
        if (value instanceof JsonString s && s.getString().isEmpty()) return null;
        return value;
    }

    static String text(JsonObject fields, String name) {
        JsonValue value = named(fields, name);
        if (value == null) return null;
        String text = value instanceof JsonString s ? s.getString() : value.toString();
        // PostgreSQL text cannot hold U+0000.
        if (text.indexOf('\0') >= 0) throw new GanttRefusal(name + " contains U+0000, which cannot be stored");
        return text;
    }

    private static String plain(JsonObject fields, String name) {
        String text = text(fields, name);
        if (text != null && !PlainId.isPlain(text)) throw new GanttRefusal(name + " " + LogSafe.quoted(text) + " refused: " + PlainId.rule());
        return text;
    }

    private static LocalDateTime date(JsonObject fields, String name) {
        String text = text(fields, name);
        if (text == null) return null;
        if (SchedulerDates.isTooLong(text)) throw new GanttRefusal(SchedulerDates.tooLong(name, text));
        return SchedulerDates.parse(text).orElseThrow(() -> new GanttRefusal(name + " " + LogSafe.quoted(text)
                + " is not a date (" + GanttWriter.DATE_FORMAT + ", %Y-%m-%d %H:%i, ISO 8601 or epoch milliseconds)"));
    }

    private static Double number(JsonObject fields, String name) {
        JsonValue value = named(fields, name);
        if (value == null) return null;
        try {
            double number = value instanceof JsonNumber n ? n.doubleValue() : Double.parseDouble(text(fields, name).trim());
            if (Double.isFinite(number)) return number;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new GanttRefusal(name + " " + LogSafe.quoted(String.valueOf(value)) + " is not a number");
    }

    static Long whole(JsonObject fields, String name) {
        JsonValue value = named(fields, name);
        if (value == null) return null;
        if (value instanceof JsonNumber n && n.isIntegral()) return n.longValue();
        if (value instanceof JsonString s) {
            try {
                return Long.parseLong(s.getString().trim());
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw new GanttRefusal(name + " " + LogSafe.quoted(String.valueOf(value)) + " is not a whole number");
    }

    private static Boolean flag(JsonObject fields, String name) {
        JsonValue value = named(fields, name);
        if (value == null) return null;
        if (value == JsonValue.TRUE || value == JsonValue.FALSE) return value == JsonValue.TRUE;
        String text = value instanceof JsonString s ? s.getString().trim() : value.toString();
        return switch (text) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new GanttRefusal(name + " " + LogSafe.quoted(text) + " is not true or false");
        };
    }

    /** Every other property, as sent; a page's own state ({@code _}, {@code $}) is dropped. */
    private static JsonObject custom(JsonObject fields, Set<String> known) {
        JsonObjectBuilder custom = Json.createObjectBuilder();
        fields.forEach((name, value) -> {
            if (known.contains(name) || CustomFields.isPageState(name)) return;
            if (value instanceof JsonString s && s.getString().indexOf('\0') >= 0) throw new GanttRefusal(name + " contains U+0000, which cannot be stored");
            String problem = GanttItems.problem(name, value);
            if (problem != null) throw new GanttRefusal(problem);
            custom.add(name, value);
        });
        return custom.build();
    }
}
