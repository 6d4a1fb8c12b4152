package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON mode ({id, action, data}), REST (form) and REST-JSON (POST url, PUT url/id, DELETE url/id): JSON answers, HTTP 200. */
class JsonAndRestSaveIT extends Deployed {

    @Test
    void jsonModeInsertsUpdatesAndDeletes() {
        var calendar = new TestCalendar(http());
        var inserted = Http.json(http().post(calendar.url + "?editing=true", Http.JSON,
                "{\"id\":1712345678901,\"action\":\"inserted\",\"data\":{\"start_date\":\"2025-04-01 09:00\","
                        + "\"end_date\":\"2025-04-01 10:00\",\"text\":\"json mode\",\"section_id\":2}}"));
        assertEquals("inserted", inserted.getString("action"));
        assertEquals(1712345678901L, inserted.getJsonNumber("sid").longValue(), "sid echoes the temp id, typed as sent");
        long id = inserted.getJsonNumber("tid").longValue();
        assertNotEquals(1712345678901L, id);

        var updated = Http.json(http().post(calendar.url + "?editing=true", Http.JSON,
                "{\"id\":" + id + ",\"action\":\"updated\",\"data\":{\"start_date\":\"2025-04-01 11:00\","
                        + "\"end_date\":\"2025-04-01 12:00\",\"text\":\"json mode, moved\",\"section_id\":3}}"));
        assertEquals("updated", updated.getString("action"));
        var loaded = calendar.load().get(id);
        assertEquals("json mode, moved", loaded.getString("text"));
        assertEquals(3, loaded.getInt("section_id"), "a number stays a number");

        var deleted = Http.json(http().post(calendar.url + "?editing=true", Http.JSON,
                "{\"id\":" + id + ",\"action\":\"deleted\",\"data\":{}}"));
        assertEquals("deleted", deleted.getString("action"));
        assertTrue(calendar.load().isEmpty());
    }

    @Test
    void restJsonAnswersTwoHundredWithTheNewIdAndTheStoredItem() {
        var calendar = new TestCalendar(http());
        var insert = http().post(calendar.url, Http.JSON,
                "{\"start_date\":\"2025-04-01 09:00\",\"end_date\":\"2025-04-01 10:00\",\"text\":\"rest json\",\"rrule\":\"\"}");
        assertEquals(200, insert.statusCode(), "201 would count as a failure in the client");
        var answer = Http.json(insert);
        assertEquals("inserted", answer.getString("action"));
        long id = answer.getJsonNumber("tid").longValue();
        assertEquals(id, answer.getJsonObject("item").getJsonNumber("id").longValue());

        var put = http().put(calendar.url + "/" + id, Http.JSON,
                "{\"id\":" + id + ",\"start_date\":\"2025-04-01 11:00\",\"end_date\":\"2025-04-01 12:00\",\"text\":\"Moved\"}");
        assertEquals(200, put.statusCode());
        assertEquals("updated", Http.json(put).getString("action"));
        assertEquals("2025-04-01 11:00", calendar.load().get(id).getString("start_date"));

        var delete = http().delete(calendar.url + "/" + id);
        assertEquals(200, delete.statusCode(), "204 would count as a failure in the client");
        assertEquals("deleted", Http.json(delete).getString("action"));
        assertTrue(calendar.load().isEmpty());
    }

    @Test
    void restFormModeAndTheLegacyInsertToUrlPlusTempId() {
        var calendar = new TestCalendar(http());
        var insert = Http.json(http().post(calendar.url, Http.FORM, TestCalendar.form(Map.of(
                "start_date", "2025-04-01 09:00", "end_date", "2025-04-01 10:00", "text", "rest form", "color", ""))));
        long id = insert.getJsonNumber("tid").longValue();
        // 4.2-4.4 REST: the configured url ends in '/', and an insert posts to <url><tempId>
        var legacy = Http.json(http().post(calendar.url + "/1712345678999", Http.FORM, TestCalendar.form(Map.of(
                "start_date", "2025-04-02 09:00", "end_date", "2025-04-02 10:00", "text", "legacy rest"))));
        assertEquals("inserted", legacy.getString("action"));
        assertEquals("1712345678999", legacy.getString("sid"));
        long legacyId = legacy.getJsonNumber("tid").longValue();

        var put = Http.json(http().put(calendar.url + "/" + id, Http.FORM, TestCalendar.form(Map.of(
                "start_date", "2025-04-01 13:00", "end_date", "2025-04-01 14:00", "text", "rest form, moved"))));
        assertEquals("updated", put.getString("action"));

        var loaded = calendar.load();
        assertEquals("rest form, moved", loaded.get(id).getString("text"));
        assertEquals("", loaded.get(id).getString("color"), "falsy form values come back as sent");
        assertEquals("legacy rest", loaded.get(legacyId).getString("text"));
    }

    @Test
    void unknownIdsAreAnsweredErrorWithAReason() {
        var calendar = new TestCalendar(http());
        var put = http().put(calendar.url + "/424242", Http.JSON,
                "{\"start_date\":\"2025-04-01 11:00\",\"end_date\":\"2025-04-01 12:00\",\"text\":\"x\"}");
        assertEquals(200, put.statusCode());
        assertEquals("error", Http.json(put).getString("action"));
        assertTrue(Http.json(put).getString("message").contains("no event with id 424242"));

        var delete = Http.json(http().delete(calendar.url + "/not-a-number"));
        assertEquals("error", delete.getString("action"));
    }

    @Test
    void anotherCalendarsEventIsUnknownHere() {
        var mine = new TestCalendar(http());
        var theirs = new TestCalendar(http());
        long id = theirs.insert("2025-04-01 09:00", "2025-04-01 10:00", "theirs");

        var delete = Http.json(http().delete(mine.url + "/" + id));

        assertEquals("error", delete.getString("action"));
        assertTrue(theirs.load().containsKey(id), "the other calendar keeps its event");
        assertTrue(mine.load().isEmpty());
    }

    @Test
    void theDefaultCalendarLivesAtApiEvents() {
        var insert = Http.json(http().post("api/events", Http.JSON,
                "{\"start_date\":\"2025-04-01 09:00\",\"end_date\":\"2025-04-01 10:00\",\"text\":\"default calendar\"}"));
        long id = insert.getJsonNumber("tid").longValue();

        var data = Http.json(http().get("api/events")).getJsonArray("data");

        assertTrue(data.getValuesAs(jakarta.json.JsonObject.class).stream()
                .anyMatch(e -> e.getJsonNumber("id").longValue() == id && e.getString("text").equals("default calendar")));
        assertEquals("deleted", Http.json(http().delete("api/events/" + id)).getString("action"));
    }
}
