package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Loading, as scheduler.load(url) asks for it: JSON by default, XML on request, by date range. */
class ConnectorLoadIT extends Deployed {

    @Test
    void loadsJsonWithDataAndCollections() {
        var calendar = new TestCalendar(http());
        long id = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "Meeting");

        var response = http().get(calendar.url + "?timeshift=-120&uid=17&dhxr1712345678901=1");

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        var body = Http.json(response);
        var event = body.getJsonArray("data").getJsonObject(0);
        assertEquals(id, event.getJsonNumber("id").longValue());
        assertEquals("2025-04-01 09:00", event.getString("start_date"));
        assertEquals("2025-04-01 10:00", event.getString("end_date"));
        assertEquals("Meeting", event.getString("text"));
        assertTrue(body.containsKey("collections"));
    }

    @Test
    void loadsConnectorXmlWhenAskedByParameterOrAcceptHeader() {
        var calendar = new TestCalendar(http());
        long id = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "Meeting");

        for (var response : java.util.List.of(http().get(calendar.url + "?format=xml"),
                http().get(calendar.url, "Accept", "text/xml"))) {
            assertEquals(200, response.statusCode());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
            assertTrue(response.body().contains("<start_date><![CDATA[2025-04-01 09:00]]></start_date>"), response.body());
            Element event = (Element) Http.xml(response).getElementsByTagName("event").item(0);
            assertEquals(Long.toString(id), event.getAttribute("id"));
            assertEquals("Meeting", event.getElementsByTagName("text").item(0).getTextContent());
        }
    }

    @Test
    void dynamicLoadingReturnsOnlyEventsOverlappingTheRangeWithToExclusive() {
        var calendar = new TestCalendar(http());
        long before = calendar.insert("2025-03-30 09:00", "2025-03-31 00:00", "ends at from: excluded");
        long inside = calendar.insert("2025-04-02 09:00", "2025-04-02 10:00", "inside");
        long spanning = calendar.insert("2025-03-20 09:00", "2025-05-01 10:00", "spans the range");
        long atTo = calendar.insert("2025-04-07 00:00", "2025-04-07 10:00", "starts at to: excluded");

        var loaded = calendar.load("?timeshift=0&from=2025-03-31&to=2025-04-07");

        assertEquals(java.util.Set.of(inside, spanning), loaded.keySet());
        assertFalse(loaded.containsKey(before));
        assertFalse(loaded.containsKey(atTo));
    }

    @Test
    void legacyDateFormatIsWrittenWhenThePageAsksForIt() {
        var calendar = new TestCalendar(http());
        calendar.insert("04/01/2025 09:00", "04/01/2025 10:30", "legacy");

        var event = calendar.load("?date_format=" + TestCalendar.enc("%m/%d/%Y %H:%i")).values().iterator().next();

        assertEquals("04/01/2025 09:00", event.getString("start_date"));
        assertEquals("04/01/2025 10:30", event.getString("end_date"));
    }

    @Test
    void aBadRangeIsRefusedWithAClearMessage() {
        var calendar = new TestCalendar(http());
        var response = http().get(calendar.url + "?from=yesterday&to=2025-04-07");
        assertEquals(400, response.statusCode());
        assertTrue(Http.json(response).getString("message").contains("from 'yesterday' is not a date"));
    }
}
