package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Bad input gets a clear error and loses nothing; text and custom fields come back exactly as saved. */
class BadInputIT extends Deployed {

    private static final String NASTY = "<b>bold</b> & \"quotes\" 'single' ]]> end ]]]]> <![CDATA[x]]> "
            + "accents éàü, CJK 日本語, emoji 😀👍, RTL עברית, line\nbreak\ttab";

    @Test
    void textIsStoredVerbatimAndComesBackIdenticalInJsonAndXml() {
        var calendar = new TestCalendar(http());
        String body = Json.createObjectBuilder().add("start_date", "2025-04-01 09:00").add("end_date", "2025-04-01 10:00")
                .add("text", NASTY).add("note", NASTY).build().toString();
        long id = Http.json(http().post(calendar.url, Http.JSON, body)).getJsonNumber("tid").longValue();

        var json = calendar.load().get(id);
        assertEquals(NASTY, json.getString("text"));
        assertEquals(NASTY, json.getString("note"));

        Element event = (Element) Http.xml(http().get(calendar.url + "?format=xml")).getElementsByTagName("event").item(0);
        assertEquals(NASTY, event.getElementsByTagName("text").item(0).getTextContent());
        assertEquals(NASTY, event.getElementsByTagName("note").item(0).getTextContent());
    }

    @Test
    void customFieldsOfAnyJsonTypeRoundTrip() {
        var calendar = new TestCalendar(http());
        long id = calendar.insertJson("{\"start_date\":\"2025-04-01 09:00\",\"end_date\":\"2025-04-01 10:00\",\"text\":\"x\","
                + "\"section_id\":2,\"color\":\"#ff0000\",\"type\":\"meeting\",\"readonly\":false,\"owner\":null,"
                + "\"tags\":[\"a\",\"b\"],\"meta\":{\"room\":\"4.01\",\"seats\":8}}");

        var event = calendar.load().get(id);

        assertEquals(2, event.getInt("section_id"));
        assertEquals("#ff0000", event.getString("color"));
        assertEquals("meeting", event.getString("type"));
        assertFalse(event.getBoolean("readonly"));
        assertTrue(event.isNull("owner"));
        assertEquals(Json.createArrayBuilder().add("a").add("b").build(), event.getJsonArray("tags"));
        assertEquals(8, event.getJsonObject("meta").getInt("seats"));
    }

    @Test
    void malformedJsonIsRefusedWith400AndAClearMessage() {
        var calendar = new TestCalendar(http());
        var response = http().post(calendar.url, Http.JSON, "{\"start_date\":\"2025-04-01 09:00\",");

        assertEquals(400, response.statusCode());
        assertTrue(Http.json(response).getString("message").startsWith("malformed JSON body"));
        assertTrue(calendar.load().isEmpty());

        var notAnObject = http().post(calendar.url, Http.JSON, "[1,2,3]");
        assertEquals(400, notAnObject.statusCode());
    }

    @Test
    void malformedFormEncodingIsRefusedWith400() {
        var calendar = new TestCalendar(http());
        var response = http().post(calendar.url + "?editing=true", Http.FORM, "ids=1&1_text=%E0%A4%A&1_!nativeeditor_status=inserted");

        assertEquals(400, response.statusCode());
        assertTrue(Http.json(response).getString("message").contains("malformed form encoding"));
    }

    @Test
    void anOversizedBodyIsRefusedWith413AndNothingIsSaved() {
        var calendar = new TestCalendar(http());
        String huge = "x".repeat(2 * 1024 * 1024);
        var response = http().post(calendar.url, Http.JSON,
                "{\"start_date\":\"2025-04-01 09:00\",\"end_date\":\"2025-04-01 10:00\",\"text\":\"" + huge + "\"}");

        assertEquals(413, response.statusCode());
        assertTrue(Http.json(response).getString("message").contains("larger than"));
        assertTrue(calendar.load().isEmpty());
    }

    @Test
    void aMissingDateIsInvalidAndTheServerKeepsServing() {
        var calendar = new TestCalendar(http());
        var answer = Http.json(http().post(calendar.url, Http.JSON, "{\"end_date\":\"2025-04-01 10:00\",\"text\":\"no start\"}"));

        assertEquals("invalid", answer.getString("action"));
        assertEquals("start_date is required", answer.getString("message"));
        assertTrue(calendar.load().isEmpty());
        calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "still works");
        assertEquals(1, calendar.load().size());
    }

    @Test
    void datesInEveryFormTheClientSendsAreUnderstood() {
        var calendar = new TestCalendar(http());
        Map<String, String> forms = Map.of(
                "2025-04-01 09:00", "2025-04-01 09:00",
                "2025-04-01 09:00:30", "2025-04-01 09:00",
                "2025/04/01 09:00", "2025-04-01 09:00",
                "04/01/2025 09:00", "2025-04-01 09:00",
                "01-04-2025 09:00", "2025-04-01 09:00",
                "2025-04-01T09:00:00", "2025-04-01 09:00",
                "2025-04-01T09:00:00.000Z", "2025-04-01 09:00");
        forms.forEach((sent, expected) -> {
            long id = calendar.insert(sent, "2025-04-01 12:00", sent);
            assertEquals(expected, calendar.load().get(id).getString("start_date"), "sent as " + sent);
        });
    }

    @Test
    void eclipseLinksJpaRsResourcesAreNotPublished() {
        assertEquals(404, http().get("api/latest/liveupdate/metadata").statusCode());
        assertEquals(404, http().get("api/v2.0/liveupdate/entity/SchedulerEvent/1").statusCode());
    }
}
