package io.liveupdate.calendar;

import static io.liveupdate.calendar.EventField.*;
import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which custom field goes to which column, typed how, and what is refused (docs/own-table.md). */
class CustomColumnsTest {

    private static final LocalDateTime NINE = LocalDateTime.of(2025, 4, 1, 9, 0);

    private static CustomColumns columns(boolean jsonColumn) {
        Map<String, Class<?>> types = new LinkedHashMap<>();
        types.put("colour", String.class);
        types.put("attendees", Integer.class);
        types.put("confirmed", Boolean.class);
        types.put("price", BigDecimal.class);
        return new CustomColumns(types, jsonColumn);
    }

    private static EventData.Builder plain() {
        return EventData.builder().set(START_DATE, NINE).set(END_DATE, NINE.plusHours(1)).set(TEXT, "t");
    }

    /** What EclipseLink would write into each column: the event's virtual attributes. */
    private static Map<String, Object> stored(SchedulerEvent event, CustomColumns columns) {
        Map<String, Object> values = new LinkedHashMap<>();
        columns.names().forEach(name -> values.put(name, event.getColumn(name)));
        return values;
    }

    @Test
    void aColumnsFieldGoesToItsColumnTypedAndTheOthersToTheJsonColumn() {
        var columns = columns(true);
        var event = SchedulerEvent.create("c", plain().custom("colour", Json.createValue("red"))
                .custom("attendees", Json.createValue(12)).custom("confirmed", JsonValue.TRUE)
                .custom("section_id", Json.createValue(3)).build(), columns);

        var stored = stored(event, columns);
        assertEquals("red", stored.get("colour"));
        assertEquals(12, stored.get("attendees"));
        assertEquals(Boolean.TRUE, stored.get("confirmed"));
        assertNull(stored.get("price"), "not named, not set");
        var shown = event.view().customFields();
        assertEquals("red", shown.getString("colour"), "a column is a custom field on every wire form");
        assertEquals(12, shown.getInt("attendees"));
        assertTrue(shown.getBoolean("confirmed"));
        assertEquals(3, shown.getInt("section_id"), "a field with no column of its own: the JSON column");
        assertFalse(shown.containsKey("price"), "a NULL column is left out, as an unset field is");

        event.apply(EventData.builder().custom("section_id", Json.createValue(4)).build(), columns);
        assertEquals("{\"section_id\":4}", jsonColumn(event), "a later save of the JSON column copies no column into it");

        var older = SchedulerEvent.create("c", plain().custom("colour", Json.createValue("stale")).build(), CustomColumns.NONE);
        older.setColumn("colour", "green");
        assertEquals("green", older.view().customFields().getString("colour"), "the column wins over the JSON's field");
        older.setColumn("colour", null);
        assertFalse(older.view().customFields().containsKey("colour"), "a NULL column leaves the field out, JSON or not");
    }

    /** The JSON column's text, as EclipseLink would write it. */
    private static String jsonColumn(SchedulerEvent event) {
        try {
            var field = SchedulerEvent.class.getDeclaredField("customFields");
            field.setAccessible(true);
            return (String) field.get(event);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void formModesTextIsReadAsTheColumnsNumberOrFlagAndEmptyClearsIt() {
        var columns = columns(true);
        var event = SchedulerEvent.create("c", plain().custom("attendees", Json.createValue(" 7"))
                .custom("confirmed", Json.createValue("1")).custom("price", Json.createValue("12.50")).build(), columns);
        assertEquals(Integer.valueOf(7), event.getColumn("attendees"));
        assertEquals(Boolean.TRUE, event.getColumn("confirmed"));
        assertEquals(new BigDecimal("12.50"), event.getColumn("price"));

        event.apply(EventData.builder().custom("attendees", Json.createValue("")).custom("confirmed", Json.createValue(""))
                .custom("colour", JsonValue.NULL).build(), columns);
        assertNull(event.getColumn("attendees"), "form modes send a cleared number as \"\"");
        assertEquals(Boolean.FALSE, event.getColumn("confirmed"), "and false as \"\"");
        assertNull(event.getColumn("colour"));
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheField() {
        var columns = columns(true);
        var event = SchedulerEvent.create("c", plain().custom("attendees", Json.createValue(2)).build(), columns);
        assertEquals("attendees 'many' is not a whole number in range", refusal(event, columns, "attendees", Json.createValue("many")));
        assertEquals("attendees '2.5' is not a whole number in range", refusal(event, columns, "attendees", Json.createValue(2.5)));
        assertEquals("attendees '3000000000' is not a whole number in range",
                refusal(event, columns, "attendees", Json.createValue(3_000_000_000L)));
        assertEquals("colour '5' is not a text", refusal(event, columns, "colour", Json.createValue(5)));
        assertEquals("confirmed 'maybe' is not true or false", refusal(event, columns, "confirmed", Json.createValue("maybe")));
        assertEquals("price 'true' is not a number", refusal(event, columns, "price", JsonValue.TRUE));
        assertEquals(Integer.valueOf(2), event.getColumn("attendees"), "a refused value is not stored");
    }

    @Test
    void withoutAJsonColumnAFieldWithNoColumnIsRefusedNotLost() {
        var columns = columns(false);
        var message = assertThrows(InvalidEventException.class, () -> SchedulerEvent.create("c",
                plain().custom("colour", Json.createValue("red")).custom("section_id", Json.createValue(3)).build(), columns))
                .getMessage();
        assertEquals("custom field 'section_id' has no column in this calendar's table"
                + " (its columns: attendees, colour, confirmed, price)", message);
        assertDoesNotThrow(() -> SchedulerEvent.create("c", plain().custom("colour", Json.createValue("red"))
                .custom("_sday", Json.createValue(1)).build(), columns), "a page's own state is dropped, not refused");
    }

    @Test
    void aColourColumnNamedAsTheSchedulersIsCheckedLikeTheJsonField() {
        var columns = new CustomColumns(Map.of("color", String.class), true);
        var refused = assertThrows(InvalidEventException.class, () -> SchedulerEvent.create("c",
                plain().custom("color", Json.createValue("red' onmouseover='x")).build(), columns));
        assertTrue(refused.getMessage().contains("is not a CSS colour"), refused.getMessage());
    }

    @Test
    void aColumnMappedAsATypeAPageCannotSendIsRefusedAtOnce() {
        var refused = assertThrows(IllegalStateException.class, () -> new CustomColumns(Map.of("due", LocalDate.class), true));
        assertTrue(refused.getMessage().contains("due is mapped as java.time.LocalDate"), refused.getMessage());
        assertTrue(new CustomColumns(Map.of("n", int.class), true).typed("n", Json.createValue(4)) instanceof Integer,
                "attribute-type=\"int\" is read as Integer");
    }

    private static String refusal(SchedulerEvent event, CustomColumns columns, String field, JsonValue value) {
        return assertThrows(InvalidEventException.class,
                () -> event.apply(EventData.builder().custom(field, value).build(), columns)).getMessage();
    }
}
