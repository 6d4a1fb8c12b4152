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

    // ---- issue 17: input that cost CPU, amplified answers, or carried markup ----

    @Test
    void anOverLongDateIsRefusedWithItsLengthInEverySaveModeAndOnLoad() {
        var calendar = new TestCalendar(http());
        String runOfT = "T".repeat(20_000);
        var json = Http.json(http().post(calendar.url, Http.JSON, "{\"start_date\":\"" + runOfT + "\",\"end_date\":\"2025-04-01 10:00\"}"));
        assertEquals("invalid", json.getString("action"));
        assertEquals("start_date has 20000 characters; a date has at most 64", json.getString("message"));

        var form = http().post(calendar.url + "?editing=true", Http.FORM, "ids=1700000000000&1700000000000_!nativeeditor_status=inserted"
                + "&1700000000000_start_date=2025-04-01%2009:00&1700000000000_end_date=" + runOfT);
        Element action = (Element) Http.xml(form).getElementsByTagName("action").item(0);
        assertEquals("invalid", action.getAttribute("type"));
        assertEquals("end_date has 20000 characters; a date has at most 64", action.getAttribute("message"));
        assertTrue(calendar.load().isEmpty(), "nothing was stored");

        var load = http().get(calendar.url + "?from=" + "T".repeat(8_000) + "&to=2025-05-01");
        assertEquals(400, load.statusCode());
        assertEquals("from has 8000 characters; a date has at most 64", Http.json(load).getString("message"));
        assertEquals(200, http().get(calendar.url + "?from=2025-04-01T00:00:00Z&to=2025-05-01").statusCode(), "a zoned ISO date still works");
    }

    @Test
    void aDateFormatOtherThanAShortOneOfTheSchedulersTokensIsRefused() {
        var calendar = new TestCalendar(http());
        calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "x");
        var huge = http().get(calendar.url + "?date_format=" + "%25Y".repeat(2_000));
        assertEquals(400, huge.statusCode());
        assertEquals("date_format has 4000 characters; at most 32", Http.json(huge).getString("message"));
        var markup = http().get(calendar.url + "?date_format=" + TestCalendar.enc("%Y<img src=x onerror=alert(1)>"));
        assertEquals(400, markup.statusCode());
        assertTrue(Http.json(markup).getString("message").startsWith("date_format may not contain '<'"), markup.body());
        assertEquals("01.04.2025 09:00", Http.json(http().get(calendar.url + "?date_format=" + TestCalendar.enc("%d.%m.%Y %H:%i")))
                .getJsonArray("data").getJsonObject(0).getString("start_date"), "a short format of tokens still works");
    }

    @Test
    void aPagesOwnStateIsNotStoredAndAColourMustBeACssColour() {
        var calendar = new TestCalendar(http());
        String payload = "x'\"><img src=x onerror=window.__pwned=1>";
        long id = calendar.insertJson(Json.createObjectBuilder().add("start_date", "2025-04-01 09:00").add("end_date", "2025-04-01 10:00")
                .add("text", "styled").add("_text_style", payload).add("$css", payload).add("color", "#1e90ff")
                .add("textColor", "rgb(255, 255, 255)").build().toString());
        var stored = calendar.load().get(id);
        assertFalse(stored.containsKey("_text_style"));
        assertFalse(stored.containsKey("$css"));
        assertEquals("#1e90ff", stored.getString("color"), "a CSS colour stays a CSS colour");
        assertEquals("rgb(255, 255, 255)", stored.getString("textColor"));

        var json = Http.json(http().post(calendar.url, Http.JSON, Json.createObjectBuilder().add("start_date", "2025-04-02 09:00")
                .add("end_date", "2025-04-02 10:00").add("color", "red" + payload).build().toString()));
        assertEquals("invalid", json.getString("action"));
        assertTrue(json.getString("message").startsWith("color 'red") && json.getString("message").endsWith("is not a CSS colour (a name, #rgb,"
                + " #rrggbb, rgb(..), hsl(..) or var(--name))"), json.getString("message"));
        var update = Http.json(http().put(calendar.url + "/" + id, Http.JSON, Json.createObjectBuilder().add("textColor", payload).build().toString()));
        assertEquals("invalid", update.getString("action"));
        var form = Http.xml(http().post(calendar.url + "?editing=true", Http.FORM, "ids=" + id + "&" + id + "_!nativeeditor_status=updated&"
                + id + "_color=" + TestCalendar.enc(payload) + "&" + id + "_text=changed"));
        assertEquals("invalid", ((Element) form.getElementsByTagName("action").item(0)).getAttribute("type"));
        assertEquals(1, calendar.load().size());
        assertEquals("styled", calendar.load().get(id).getString("text"), "a refused row changes nothing");
        assertEquals("#1e90ff", calendar.load().get(id).getString("color"));
    }

    @Test
    void anIdThatIsNotPlainIsRefusedInEveryModeAndASchedulerTemporaryIdWorks() {
        var calendar = new TestCalendar(http());
        String markup = "<img src=x onerror=alert(1)>";
        var batched = Http.xml(http().post(calendar.url + "?editing=true", Http.FORM, TestCalendar.form(Map.of("ids", markup + ",1700000000000",
                markup + "_!nativeeditor_status", "inserted", markup + "_start_date", "2025-04-01 09:00", markup + "_end_date", "2025-04-01 10:00",
                "1700000000000_!nativeeditor_status", "inserted", "1700000000000_start_date", "2025-04-01 09:00",
                "1700000000000_end_date", "2025-04-01 10:00", "1700000000000_text", "temporary id"))));
        Element refused = (Element) batched.getElementsByTagName("action").item(0);
        assertEquals("invalid", refused.getAttribute("type"));
        assertTrue(refused.getAttribute("message").endsWith("refused: ids are 1 to 64 letters, digits, '_' or '-'"), refused.getAttribute("message"));
        Element accepted = (Element) batched.getElementsByTagName("action").item(1);
        assertEquals("inserted", accepted.getAttribute("type"));
        assertEquals("1700000000000", accepted.getAttribute("sid"));

        var single = Http.xml(http().post(calendar.url + "?editing=true", Http.FORM, TestCalendar.form(Map.of("id", "a b",
                "!nativeeditor_status", "inserted", "start_date", "2025-04-01 09:00", "end_date", "2025-04-01 10:00"))));
        assertEquals("invalid", ((Element) single.getElementsByTagName("action").item(0)).getAttribute("type"));
        var jsonMode = Http.json(http().post(calendar.url, Http.JSON, "{\"id\":\"" + "1".repeat(65) + "\",\"action\":\"inserted\","
                + "\"data\":{\"start_date\":\"2025-04-01 09:00\",\"end_date\":\"2025-04-01 10:00\"}}"));
        assertEquals("invalid", jsonMode.getString("action"));
        var restPath = Http.json(http().post(calendar.url + "/" + TestCalendar.enc("x'y"), Http.JSON,
                "{\"start_date\":\"2025-04-01 09:00\",\"end_date\":\"2025-04-01 10:00\"}"));
        assertEquals("invalid", restPath.getString("action"));
        assertEquals(1, calendar.load().size(), "only the row with a plain temporary id was stored");
    }
}
