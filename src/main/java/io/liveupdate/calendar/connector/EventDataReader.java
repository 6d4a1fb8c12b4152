package io.liveupdate.calendar.connector;

import io.liveupdate.calendar.CustomFields;
import io.liveupdate.calendar.EventData;
import io.liveupdate.calendar.EventField;
import io.liveupdate.calendar.InvalidEventException;
import io.liveupdate.connector.SchedulerDates;
import io.liveupdate.input.LogSafe;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * Types the fields of one row. Form modes send everything as text, and falsy values as ""; JSON modes
 * send numbers, booleans and nulls. Both land on the same typed {@link EventData}; a value that cannot
 * be read is refused with the field's name, so the client can show why.
 */
public final class EventDataReader {

    private EventDataReader() {
    }

    public static EventData read(Map<String, JsonValue> fields) {
        var data = EventData.builder();
        fields.forEach((name, value) -> {
            if (!isClientState(name)) readField(data, name, value);
        });
        return data.build();
    }

    /** The version of the event the client edited, or null when it named none (all a delete reads). */
    public static Long editedVersion(Map<String, JsonValue> fields) {
        return number(EventField.VERSION, fields.get(EventField.VERSION.wireName()));
    }

    /**
     * The clients' own markers ("$new" on an event made in the lightbox, Webix's "$selected", the scheduler's
     * "_text_style", ...) are state of one page, not data: stored, a "$new" would come back to every page as an event
     * still being created, and a "_text_style" would be written into every page's markup unescaped. Dropped, as the
     * scheduler's own dataProcessor drops "_" fields ({@link CustomFields#isPageState}).
     */
    static boolean isClientState(String name) {
        return CustomFields.isPageState(name);
    }

    private static void readField(EventData.Builder data, String name, JsonValue value) {
        EventField.byWireName(name).ifPresentOrElse(
                field -> data.set(field, typed(field, value)),
                () -> data.custom(name, storable(name, value)));
    }

    private static JsonValue storable(String name, JsonValue value) {
        String problem = CustomFields.problem(name, value);
        if (problem != null) throw new InvalidEventException(problem);
        return value;
    }

    private static Object typed(EventField field, JsonValue value) {
        return switch (field) {
            case START_DATE, END_DATE, ORIGINAL_START -> date(field, value);
            case TEXT -> isEmpty(value) ? "" : text(value);
            case RRULE, REC_TYPE -> isEmpty(value) ? null : text(value);
            case DURATION, EVENT_PID, EVENT_LENGTH, VERSION -> number(field, value);
            // A series has no parent; clients write that as null, "" or 0.
            case RECURRING_EVENT_ID -> zeroAsNone(number(field, value));
            case DELETED -> flag(field, value);
        };
    }

    private static LocalDateTime date(EventField field, JsonValue value) {
        if (isEmpty(value)) return null;
        if (value instanceof JsonNumber n) {
            try {
                // exactly: longValue() would turn 1e999999999 into 0, i.e. 1970, and store it without a word
                return SchedulerDates.fromEpochMillis(n.bigDecimalValue().longValueExact());
            } catch (ArithmeticException | java.time.DateTimeException e) {
                throw new InvalidEventException(field.wireName() + " " + n + " is not a date (epoch milliseconds)");
            }
        }
        String text = text(value);
        if (SchedulerDates.isTooLong(text)) throw new InvalidEventException(SchedulerDates.tooLong(field.wireName(), text));
        return SchedulerDates.parse(text).orElseThrow(
                () -> new InvalidEventException(field.wireName() + " '" + text + "' is not a date"));
    }

    private static Long number(EventField field, JsonValue value) {
        if (isEmpty(value)) return null;
        if (value instanceof JsonNumber n && n.isIntegral()) {
            try {
                return n.bigDecimalValue().longValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidEventException(field.wireName() + " " + n + " is not a whole number in range");
            }
        }
        try {
            return Long.parseLong(text(value).trim());
        } catch (NumberFormatException e) {
            throw new InvalidEventException(field.wireName() + " " + LogSafe.quoted(text(value)) + " is not a whole number");
        }
    }

    private static Long zeroAsNone(Long id) {
        return id == null || id == 0 ? null : id;
    }

    private static Boolean flag(EventField field, JsonValue value) {
        if (value == JsonValue.TRUE) return true;
        if (value == JsonValue.FALSE || isEmpty(value)) return false;
        return switch (text(value).trim().toLowerCase(Locale.ROOT)) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new InvalidEventException(field.wireName() + " " + LogSafe.quoted(text(value)) + " is not true or false");
        };
    }

    private static boolean isEmpty(JsonValue value) {
        return value == null || value == JsonValue.NULL || (value instanceof JsonString s && s.getString().isEmpty());
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
