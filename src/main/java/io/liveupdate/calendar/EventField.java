package io.liveupdate.calendar;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The event properties the server understands, by their dhtmlxScheduler names. Every other property a
 * front end sends is a custom field, stored and returned unchanged.
 */
public enum EventField {
    START_DATE("start_date"),
    END_DATE("end_date"),
    TEXT("text"),
    /** RRULE recurring format (7.1+): the rule, without the "RRULE:" prefix. */
    RRULE("rrule"),
    /** RRULE format: length of one occurrence in seconds. */
    DURATION("duration"),
    /** RRULE format: the series an exception belongs to. */
    RECURRING_EVENT_ID("recurring_event_id"),
    /** RRULE format: where the occurrence an exception replaces would have started. */
    ORIGINAL_START("original_start"),
    /** RRULE format: the exception marks a deleted occurrence. */
    DELETED("deleted"),
    /** Legacy recurring format: "week_1___1,5#no", or "none" for a deleted occurrence. */
    REC_TYPE("rec_type"),
    /** Legacy recurring format: the series an exception belongs to (0 or empty for none). */
    EVENT_PID("event_pid"),
    /** Legacy recurring format: occurrence length in seconds, or for an exception the original start in epoch seconds. */
    EVENT_LENGTH("event_length"),
    /**
     * The version of the event the client edited (loads carry it): checked on update and delete, never written.
     * A save naming an older version than the stored one is refused; a save naming none overwrites.
     */
    VERSION("version");

    private static final Map<String, EventField> BY_WIRE_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(EventField::wireName, Function.identity()));

    private final String wireName;

    EventField(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventField> byWireName(String name) {
        return Optional.ofNullable(BY_WIRE_NAME.get(name));
    }
}
