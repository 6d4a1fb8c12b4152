package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The legacy connector protocol: batched rows with {@code <id>_} prefixes and {@code ids}, and single rows
 * with {@code !nativeeditor_status}, sent by POST to {@code url?editing=true}, answered in XML. A save by GET is refused
 * (405) unless {@code liveupdate.connector.allow-get-saves} is on: {@link LegacyGetSaveIT}.
 */
class LegacySaveIT extends Deployed {

    @Test
    void mixedBatchSavesTheGoodRowsAndAnswersEveryRowInOrder() {
        var calendar = new TestCalendar(http());
        long toUpdate = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "before");
        long toDelete = calendar.insert("2025-04-02 09:00", "2025-04-02 10:00", "doomed");
        long untouched = calendar.insert("2025-04-03 09:00", "2025-04-03 10:00", "stays");
        Map<String, String> form = new LinkedHashMap<>();
        row(form, "1712345678901", "inserted", "2025-04-04 09:00", "2025-04-04 10:00", "new one");
        row(form, Long.toString(toUpdate), "updated", "2025-04-01 11:00", "2025-04-01 12:00", "after");
        form.put(toDelete + "_id", Long.toString(toDelete));
        form.put(toDelete + "_!nativeeditor_status", "deleted");
        row(form, "1712345678902", "inserted", "not a date", "2025-04-04 10:00", "bad date");
        row(form, "1712345678903", "inserted", "2025-04-05 10:00", "2025-04-05 09:00", "ends before it starts");
        row(form, Long.toString(untouched), "renamed", "2025-04-03 09:00", "2025-04-03 10:00", "unknown status");
        row(form, "999999999", "updated", "2025-04-03 09:00", "2025-04-03 10:00", "unknown id");
        form.put("ids", String.join(",", "1712345678901", Long.toString(toUpdate), Long.toString(toDelete),
                "1712345678902", "1712345678903", Long.toString(untouched), "999999999"));
        form.put("dhx_security", "key-from-load");

        var response = http().post(calendar.url + "?editing=true", Http.FORM, TestCalendar.form(form));

        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"));
        Document xml = Http.xml(response);
        assertEquals("data", xml.getDocumentElement().getTagName());
        var actions = xml.getElementsByTagName("action");
        assertEquals(7, actions.getLength(), response.body());
        Element inserted = (Element) actions.item(0);
        assertEquals("inserted", inserted.getAttribute("type"));
        assertEquals("1712345678901", inserted.getAttribute("sid"));
        long newId = Long.parseLong(inserted.getAttribute("tid"));
        assertAction(actions.item(1), "updated", toUpdate, toUpdate);
        assertAction(actions.item(2), "deleted", toDelete, toDelete);
        assertEquals("invalid", ((Element) actions.item(3)).getAttribute("type"));
        assertTrue(actions.item(3).getTextContent().contains("start_date 'not a date' is not a date"));
        assertEquals("invalid", ((Element) actions.item(4)).getAttribute("type"));
        assertTrue(actions.item(4).getTextContent().contains("before start_date"));
        assertEquals("error", ((Element) actions.item(5)).getAttribute("type"));
        assertTrue(actions.item(5).getTextContent().contains("unknown status 'renamed'"));
        assertEquals("error", ((Element) actions.item(6)).getAttribute("type"));
        assertTrue(actions.item(6).getTextContent().contains("no event with id 999999999"));

        var loaded = calendar.load();
        assertEquals(java.util.Set.of(newId, toUpdate, untouched), loaded.keySet(), "only the good rows changed anything");
        assertEquals("new one", loaded.get(newId).getString("text"));
        assertEquals("after", loaded.get(toUpdate).getString("text"));
        assertEquals("2025-04-01 11:00", loaded.get(toUpdate).getString("start_date"));
        assertEquals("stays", loaded.get(untouched).getString("text"), "a row with an unknown status changes nothing");
    }

    @Test
    void aSaveByGetIsRefused405AndChangesNothing() {
        var calendar = new TestCalendar(http());
        long id = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "stays");
        Map<String, String> form = new LinkedHashMap<>();
        row(form, "1712345678910", "inserted", "2025-04-01 09:00", "2025-04-01 10:00", "via GET");
        form.put("ids", "1712345678910");

        // what an <img src> on any site could send: a batched insert, and a single-row delete
        for (String query : new String[] {TestCalendar.form(form), "id=" + id + "&!nativeeditor_status=deleted"}) {
            var response = http().get(calendar.url + "?editing=true&" + query);
            assertEquals(405, response.statusCode(), response.body());
            assertEquals("POST", response.headers().firstValue("Allow").orElse(""));
            assertTrue(Http.json(response).getString("message").contains("liveupdate.connector.allow-get-saves"), response.body());
        }
        assertEquals(java.util.Set.of(id), calendar.load().keySet(), "nothing inserted, nothing deleted");
        assertEquals(200, http().get(calendar.url + "?editing=true").statusCode(), "a GET without rows is still a load");
    }

    @Test
    void singleRowPostWithoutPrefixes() {
        var calendar = new TestCalendar(http());
        var insert = http().post(calendar.url + "?editing=true", Http.FORM, TestCalendar.form(Map.of(
                "id", "1712345678920", "start_date", "2025-04-01 09:00", "end_date", "2025-04-01 10:00",
                "text", "single", "!nativeeditor_status", "inserted")));
        Element inserted = (Element) Http.xml(insert).getElementsByTagName("action").item(0);
        assertEquals("inserted", inserted.getAttribute("type"));
        assertEquals("1712345678920", inserted.getAttribute("sid"));
        long id = Long.parseLong(inserted.getAttribute("tid"));

        var update = http().post(calendar.url + "?editing=true", Http.FORM, TestCalendar.form(Map.of(
                "id", Long.toString(id), "start_date", "2025-04-01 09:30", "end_date", "2025-04-01 10:30",
                "text", "single, moved", "!nativeeditor_status", "updated")));
        assertAction(Http.xml(update).getElementsByTagName("action").item(0), "updated", id, id);

        assertEquals("2025-04-01 09:30", calendar.load().get(id).getString("start_date"));
    }

    static void row(Map<String, String> form, String id, String status, String start, String end, String text) {
        form.put(id + "_id", id);
        form.put(id + "_start_date", start);
        form.put(id + "_end_date", end);
        form.put(id + "_text", text);
        form.put(id + "_!nativeeditor_status", status);
    }

    static void assertAction(org.w3c.dom.Node node, String type, long sid, long tid) {
        Element action = (Element) node;
        assertEquals(type, action.getAttribute("type"));
        assertEquals(Long.toString(sid), action.getAttribute("sid"));
        assertEquals(Long.toString(tid), action.getAttribute("tid"));
    }
}
