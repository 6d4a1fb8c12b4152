package io.liveupdate.calendar;

import static io.liveupdate.calendar.EventField.*;
import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The event's invariants and the recurrence rules, without a database. */
class SchedulerEventTest {

    private static final LocalDateTime NINE = LocalDateTime.of(2025, 4, 1, 9, 0);

    private static EventData.Builder plain() {
        return EventData.builder().set(START_DATE, NINE).set(END_DATE, NINE.plusHours(1)).set(TEXT, "t");
    }

    @Test
    void refusesMissingDatesAndAnEndBeforeTheStart() {
        var noStart = EventData.builder().set(END_DATE, NINE).build();
        assertEquals("start_date is required", assertThrows(InvalidEventException.class, () -> SchedulerEvent.create("c", noStart)).getMessage());
        var backwards = plain().set(END_DATE, NINE.minusMinutes(1)).build();
        assertTrue(assertThrows(InvalidEventException.class, () -> SchedulerEvent.create("c", backwards)).getMessage().contains("before start_date"));
    }

    @Test
    void anUpdateKeepsWhatItDoesNotNameAndMergesCustomFields() {
        var event = SchedulerEvent.create("c", plain().custom("color", Json.createValue("red")).custom("section_id", Json.createValue(1)).build());
        event.apply(EventData.builder().set(TEXT, "renamed").custom("section_id", Json.createValue(2)).build(), CustomColumns.NONE);

        var view = event.view();
        assertEquals("renamed", view.text());
        assertEquals(NINE, view.startDate());
        assertEquals("red", view.customFields().getString("color"));
        assertEquals(2, view.customFields().getInt("section_id"));
    }

    @Test
    void aSaveOnAnotherVersionIsStaleAndOneNamingNoVersionOverwrites() {
        var event = SchedulerEvent.create("c", plain().build());
        long stored = event.view().version();

        var stale = assertThrows(StaleEventException.class, () -> event.requireEditedVersion(stored + 1));
        assertEquals(stored, stale.current().version(), "the refusal carries the stored row");
        assertTrue(stale.getMessage().contains("changed by someone else"), stale.getMessage());
        assertDoesNotThrow(() -> event.requireEditedVersion(stored));
        assertDoesNotThrow(() -> event.requireEditedVersion(null));
        // the version a client sends is checked, never stored
        event.apply(plain().set(VERSION, stored + 7).build(), CustomColumns.NONE);
        assertEquals(stored, event.view().version());
    }

    @Test
    void rruleSeriesExceptionsAndDeletedOccurrences() {
        var series = SchedulerEvent.create("c", plain().set(RRULE, "FREQ=DAILY").set(DURATION, 3600L).build());
        assertTrue(series.isSeries());
        assertFalse(series.isException());

        var exception = SchedulerEvent.create("c", plain().set(RRULE, "FREQ=DAILY").set(RECURRING_EVENT_ID, 7L).set(ORIGINAL_START, NINE).build());
        assertTrue(exception.isException());
        assertFalse(exception.isSeries(), "an exception's rrule is ignored");
        assertFalse(exception.isDeletedOccurrence());

        exception.markOccurrenceDeleted();
        assertTrue(exception.isDeletedOccurrence());
        assertTrue(exception.view().deleted());
    }

    @Test
    void legacySeriesExceptionsAndDeletedOccurrences() {
        var series = SchedulerEvent.create("c", plain().set(REC_TYPE, "week_1___1,5#no").set(EVENT_PID, 0L).set(EVENT_LENGTH, 3600L).build());
        assertTrue(series.isSeries());

        var marker = SchedulerEvent.create("c", plain().set(REC_TYPE, "none").set(EVENT_PID, 7L).build());
        assertTrue(marker.isDeletedOccurrence());
        assertTrue(marker.isException());
        assertFalse(marker.isSeries());

        var exception = SchedulerEvent.create("c", plain().set(EVENT_PID, 7L).set(EVENT_LENGTH, 1743498000L).build());
        exception.markOccurrenceDeleted();
        assertEquals("none", exception.view().recType());
    }

    @Test
    void aPlainEventIsNeitherSeriesNorException() {
        var event = SchedulerEvent.create("c", plain().set(RRULE, null).set(REC_TYPE, null).build());
        assertFalse(event.isSeries());
        assertFalse(event.isException());
        assertFalse(event.isDeletedOccurrence());
    }
}
