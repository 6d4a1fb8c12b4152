package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The server rules for recurring events, in the RRULE format (7.1+) and the legacy rec_type format. */
class RecurringEventsIT extends Deployed {

    private static final String SERIES = "{\"start_date\":\"2025-01-06 09:00\",\"end_date\":\"2025-12-29 10:00\","
            + "\"text\":\"weekly\",\"rrule\":\"FREQ=WEEKLY;INTERVAL=1;BYDAY=MO\",\"duration\":3600,"
            + "\"recurring_event_id\":null,\"original_start\":null}";

    @Test
    void aSeriesOverlappingTheRangeIsLoadedWithItsExceptions() {
        var calendar = new TestCalendar(http());
        long series = calendar.insertJson(SERIES);
        long exception = calendar.insertJson(exceptionOf(series, "2025-04-07 09:00", "2025-04-08 15:00", false));

        var loaded = calendar.load("?from=2025-04-07&to=2025-04-14");

        assertEquals(Set.of(series, exception), loaded.keySet());
        JsonObject s = loaded.get(series);
        assertEquals("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO", s.getString("rrule"));
        assertEquals(3600, s.getInt("duration"));
        assertEquals(series, loaded.get(exception).getJsonNumber("recurring_event_id").longValue());
        assertEquals("2025-04-07 09:00", loaded.get(exception).getString("original_start"));
    }

    @Test
    void insertingADeletedOccurrenceIsAnsweredDeletedAndKeptAsAMarker() {
        var calendar = new TestCalendar(http());
        long series = calendar.insertJson(SERIES);

        var answer = Http.json(http().post(calendar.url, Http.JSON, exceptionOf(series, "2025-04-14 09:00", "2025-04-14 09:00", true)));

        assertEquals("deleted", answer.getString("action"));
        long marker = answer.getJsonNumber("tid").longValue();
        JsonObject stored = calendar.load().get(marker);
        assertTrue(stored.getBoolean("deleted"), "the marker hides the occurrence for everyone who loads");
    }

    @Test
    void deletingAnExceptionMarksItDeletedInsteadOfRemovingIt() {
        var calendar = new TestCalendar(http());
        long series = calendar.insertJson(SERIES);
        long exception = calendar.insertJson(exceptionOf(series, "2025-04-07 09:00", "2025-04-07 11:00", false));

        var answer = Http.json(http().delete(calendar.url + "/" + exception));

        assertEquals("deleted", answer.getString("action"));
        assertTrue(calendar.load().get(exception).getBoolean("deleted"));
    }

    @Test
    void changingOrDeletingASeriesRemovesItsExceptions() {
        var calendar = new TestCalendar(http());
        long series = calendar.insertJson(SERIES);
        long exception = calendar.insertJson(exceptionOf(series, "2025-04-07 09:00", "2025-04-07 11:00", false));
        long marker = calendar.insertJson(exceptionOf(series, "2025-04-14 09:00", "2025-04-14 09:00", true));

        var update = Http.json(http().put(calendar.url + "/" + series, Http.JSON, SERIES.replace("weekly", "weekly, renamed")));
        assertEquals("updated", update.getString("action"));
        assertEquals(Set.of(series), calendar.load().keySet(), "exceptions " + exception + ", " + marker + " are gone");

        long another = calendar.insertJson(exceptionOf(series, "2025-04-21 09:00", "2025-04-21 11:00", false));
        assertEquals(Set.of(series, another), calendar.load().keySet());
        assertEquals("deleted", Http.json(http().delete(calendar.url + "/" + series)).getString("action"));
        assertTrue(calendar.load().isEmpty());
    }

    @Test
    void legacyRecTypeFormatFollowsTheSameRules() {
        var calendar = new TestCalendar(http());
        long series = legacyInsert(calendar, Map.of("start_date", "2025-01-06 09:00", "end_date", "9999-02-01 00:00",
                "text", "legacy weekly", "rec_type", "week_1___1#no", "event_pid", "", "event_length", "3600"));
        var seriesLoaded = calendar.load().get(series);
        assertEquals("week_1___1#no", seriesLoaded.getString("rec_type"));
        assertEquals(3600, seriesLoaded.getInt("event_length"));

        // a deleted occurrence: rec_type "none", event_length = original start in epoch seconds
        var deletedAnswer = legacyAnswer(calendar, Map.of("start_date", "2025-04-07 09:00", "end_date", "2025-04-07 10:00",
                "text", "", "rec_type", "none", "event_pid", Long.toString(series), "event_length", "1744016400"));
        assertEquals("deleted", deletedAnswer.getAttribute("type"));
        long marker = Long.parseLong(deletedAnswer.getAttribute("tid"));
        assertEquals("none", calendar.load().get(marker).getString("rec_type"));

        long exception = legacyInsert(calendar, Map.of("start_date", "2025-04-14 11:00", "end_date", "2025-04-14 12:00",
                "text", "moved once", "rec_type", "", "event_pid", Long.toString(series), "event_length", "1744621200"));
        assertEquals("deleted", Http.json(http().delete(calendar.url + "/" + exception)).getString("action"));
        assertEquals("none", calendar.load().get(exception).getString("rec_type"), "a deleted exception becomes a marker");

        assertEquals("deleted", Http.json(http().delete(calendar.url + "/" + series)).getString("action"));
        assertTrue(calendar.load().isEmpty(), "deleting the series removes its exceptions and markers");
    }

    private long legacyInsert(TestCalendar calendar, Map<String, String> fields) {
        Element action = legacyAnswer(calendar, fields);
        assertEquals("inserted", action.getAttribute("type"));
        return Long.parseLong(action.getAttribute("tid"));
    }

    private Element legacyAnswer(TestCalendar calendar, Map<String, String> fields) {
        String tempId = Long.toString(System.nanoTime());
        var form = new java.util.LinkedHashMap<String, String>();
        form.put(tempId + "_id", tempId);
        fields.forEach((k, v) -> form.put(tempId + "_" + k, v));
        form.put(tempId + "_!nativeeditor_status", "inserted");
        form.put("ids", tempId);
        var response = http().post(calendar.url + "?editing=true", Http.FORM, TestCalendar.form(form));
        return (Element) Http.xml(response).getElementsByTagName("action").item(0);
    }

    private static String exceptionOf(long series, String originalStart, String start, boolean deleted) {
        String end = start.substring(0, 11) + String.format("%02d", Integer.parseInt(start.substring(11, 13)) + 1) + start.substring(13);
        return "{\"start_date\":\"" + start + "\",\"end_date\":\"" + end + "\",\"text\":\"exception\",\"rrule\":\"\","
                + "\"recurring_event_id\":" + series + ",\"original_start\":\"" + originalStart + "\",\"deleted\":" + deleted + "}";
    }
}
