package io.liveupdate.calendar.connector;

import static io.liveupdate.calendar.EventField.*;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.calendar.InvalidEventException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventDataReaderTest {

    @Test
    void formValuesAndJsonValuesLandOnTheSameTypes() {
        var fromForm = EventDataReader.read(Map.of("start_date", Json.createValue("2025-04-01 09:00"), "duration", Json.createValue("3600"),
                "deleted", Json.createValue("true"), "recurring_event_id", Json.createValue(""), "rrule", Json.createValue("")));
        var fromJson = EventDataReader.read(Map.of("start_date", Json.createValue("2025-04-01 09:00"), "duration", Json.createValue(3600),
                "deleted", JsonValue.TRUE, "recurring_event_id", JsonValue.NULL, "rrule", Json.createValue("")));

        for (var data : new io.liveupdate.calendar.EventData[] {fromForm, fromJson}) {
            assertEquals(LocalDateTime.of(2025, 4, 1, 9, 0), data.get(START_DATE, LocalDateTime.class));
            assertEquals(3600L, data.get(DURATION, Long.class));
            assertTrue(data.get(DELETED, Boolean.class));
            assertTrue(data.has(RECURRING_EVENT_ID));
            assertNull(data.get(RECURRING_EVENT_ID, Long.class));
            assertNull(data.get(RRULE, String.class), "an empty rule means no rule");
        }
    }

    @Test
    void unknownFieldsAreCustomAndKeepTheirJsonType() {
        var data = EventDataReader.read(Map.of("section_id", Json.createValue(2), "color", Json.createValue("")));
        assertEquals(Json.createValue(2), data.custom().get("section_id"));
        assertEquals(Json.createValue(""), data.custom().get("color"));
    }

    @Test
    void theEditedVersionIsReadFromFormTextOrJsonAndIsNoCustomField() {
        assertEquals(3L, EventDataReader.read(Map.of("version", Json.createValue("3"))).get(VERSION, Long.class));
        assertEquals(3L, EventDataReader.editedVersion(Map.of("version", Json.createValue(3))));
        assertNull(EventDataReader.editedVersion(Map.of("version", Json.createValue(""))), "a form's empty value names none");
        assertNull(EventDataReader.editedVersion(Map.of("text", Json.createValue("no version"))));
        assertTrue(EventDataReader.read(Map.of("version", Json.createValue(3))).custom().isEmpty());
    }

    @Test
    void theClientsOwnDollarMarkersAreNotStored() {
        var data = EventDataReader.read(Map.of("$new", JsonValue.TRUE, "$selected", JsonValue.TRUE, "color", Json.createValue("red")));
        assertEquals(java.util.Set.of("color"), data.custom().keySet());
    }

    @Test
    void unreadableValuesNameTheirField() {
        assertEquals("duration 'long' is not a whole number",
                assertThrows(InvalidEventException.class, () -> EventDataReader.read(Map.of("duration", Json.createValue("long")))).getMessage());
        assertEquals("end_date 'soon' is not a date",
                assertThrows(InvalidEventException.class, () -> EventDataReader.read(Map.of("end_date", Json.createValue("soon")))).getMessage());
        assertThrows(InvalidEventException.class, () -> EventDataReader.read(Map.of("deleted", Json.createValue("maybe"))));
    }

    @Test
    void aPagesOwnStateIsDroppedNotStored() {
        var data = EventDataReader.read(Map.of("_text_style", Json.createValue("x' onmouseover='window.pwned=1"), "$new", JsonValue.TRUE,
                "section_id", Json.createValue(2)));
        assertEquals(Map.of("section_id", Json.createValue(2)), data.custom());
    }

    @Test
    void aColourThatIsNoCssColourIsInvalid() {
        var refused = assertThrows(InvalidEventException.class,
                () -> EventDataReader.read(Map.of("textColor", Json.createValue("red' onmouseover='window.pwned=1"))));
        assertTrue(refused.getMessage().startsWith("textColor 'red' onmouseover"), refused.getMessage());
        assertEquals(Json.createValue("#1e90ff"), EventDataReader.read(Map.of("color", Json.createValue("#1e90ff"))).custom().get("color"));
    }

    @Test
    void anOverLongDateIsRefusedWithItsLengthNotItsText() {
        var refused = assertThrows(InvalidEventException.class,
                () -> EventDataReader.read(Map.of("start_date", Json.createValue("T".repeat(20_000)))));
        assertEquals("start_date has 20000 characters; a date has at most 64", refused.getMessage());
    }
}
