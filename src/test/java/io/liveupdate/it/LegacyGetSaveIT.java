package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The dataProcessor's legacy GET mode, for pages that cannot POST: the real WAR with
 * {@code liveupdate.connector.allow-get-saves=true}, at a context root of its own ({@code /legacy-get}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LegacyGetSaveIT {

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive allowingGetSaves() {
        return Deployed.realWar()
                .addAsResource(new StringAsset("liveupdate.connector.allow-get-saves=true\n"), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset("<jboss-web xmlns=\"urn:jboss:jakartaee:1.0\" version=\"15.0\">"
                        + "<context-root>/legacy-get</context-root></jboss-web>"), "jboss-web.xml");
    }

    private Http http() {
        return Deployed.http(deploymentUrl);
    }

    @Test
    void batchedGetModeSavesFromTheQueryString() {
        var calendar = new TestCalendar(http());
        Map<String, String> form = new LinkedHashMap<>();
        LegacySaveIT.row(form, "1712345678910", "inserted", "2025-04-01 09:00", "2025-04-01 10:00", "via GET");
        form.put("ids", "1712345678910");

        var response = http().get(calendar.url + "?editing=true&" + TestCalendar.form(form));

        assertEquals(200, response.statusCode());
        org.w3c.dom.Element action = (org.w3c.dom.Element) Http.xml(response).getElementsByTagName("action").item(0);
        assertEquals("inserted", action.getAttribute("type"));
        long id = Long.parseLong(action.getAttribute("tid"));
        assertEquals("via GET", calendar.load().get(id).getString("text"));
    }

    @Test
    void singleRowGetWithoutPrefixesUpdatesAndDeletes() {
        var calendar = new TestCalendar(http());
        long id = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "single");

        var update = http().get(calendar.url + "?editing=true&" + TestCalendar.form(Map.of(
                "id", Long.toString(id), "start_date", "2025-04-01 09:30", "end_date", "2025-04-01 10:30",
                "text", "single, moved", "!nativeeditor_status", "updated")));
        LegacySaveIT.assertAction(Http.xml(update).getElementsByTagName("action").item(0), "updated", id, id);
        assertEquals("2025-04-01 09:30", calendar.load().get(id).getString("start_date"));

        var delete = http().get(calendar.url + "?editing=true&id=" + id + "&!nativeeditor_status=deleted");
        LegacySaveIT.assertAction(Http.xml(delete).getElementsByTagName("action").item(0), "deleted", id, id);
        assertTrue(calendar.load().isEmpty());
    }

    @Test
    void evenAllowedAGetSaveFromAnotherSitesPageIsRefused() {
        var calendar = new TestCalendar(http());
        long id = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "stays");
        // an <img src> on another site: the browser marks it cross-site and sends no Origin
        var response = http().get(calendar.url + "?editing=true&id=" + id + "&!nativeeditor_status=deleted", "Sec-Fetch-Site", "cross-site");
        assertEquals(403, response.statusCode(), response.body());
        assertTrue(Http.json(response).getString("message").contains("another site"), response.body());
        assertEquals(java.util.Set.of(id), calendar.load().keySet());
    }

    /** dhtmlxGantt's GET mode, as 10.0.3 sends it: the POST mode's form after {@code ?editing=true&gantt_mode=..}. */
    @Test
    void ganttGetModeSavesAsThePostModeDoes() {
        String chart = "api/gantts/g" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String status = enc("!nativeeditor_status");
        var single = http().get(chart + "?editing=true&gantt_mode=tasks&id=1700000000001&text=" + enc("By GET & <b>")
                + "&start_date=" + enc("15-01-2025 00:00") + "&duration=2&progress=0&parent=0&owner=Ann&" + status + "=inserted&dhxr1700000000000=1");
        assertEquals(200, single.statusCode(), single.body());
        var inserted = (org.w3c.dom.Element) Http.xml(single).getElementsByTagName("action").item(0);
        assertEquals("inserted", inserted.getAttribute("type"), single.body());
        assertEquals("1700000000001", inserted.getAttribute("sid"));
        String first = inserted.getAttribute("tid");

        var batched = http().get(chart + "?editing=true&gantt_mode=tasks&ids=1700000000002&1700000000002_text=second"
                + "&1700000000002_start_date=" + enc("16-01-2025 00:00") + "&1700000000002_duration=1&1700000000002_parent=0"
                + "&1700000000002_" + status + "=inserted");
        var second = (org.w3c.dom.Element) Http.xml(batched).getElementsByTagName("action").item(0);
        assertEquals("inserted", second.getAttribute("type"), batched.body());
        var link = http().get(chart + "?editing=true&gantt_mode=links&id=1700000000003&source=" + first + "&target=" + second.getAttribute("tid")
                + "&type=0&" + status + "=inserted");
        assertEquals("inserted", ((org.w3c.dom.Element) Http.xml(link).getElementsByTagName("action").item(0)).getAttribute("type"), link.body());
        var update = http().get(chart + "?editing=true&gantt_mode=tasks&id=" + first + "&text=renamed&start_date=" + enc("15-01-2025 00:00")
                + "&duration=3&parent=0&version=1&" + status + "=updated");
        assertEquals("updated", ((org.w3c.dom.Element) Http.xml(update).getElementsByTagName("action").item(0)).getAttribute("type"), update.body());

        var load = Http.json(http().get(chart));
        var task = load.getJsonArray("data").getJsonObject(0);
        assertEquals("renamed", task.getString("text"));
        assertEquals(3, task.getInt("duration"));
        assertEquals("Ann", task.getString("owner"), "a custom field stored");
        for (String reserved : new String[] {"gantt_mode", "editing", "dhxr1700000000000", "!nativeeditor_status"}) {
            assertFalse(task.containsKey(reserved), reserved + " is not a field: " + task);
        }
        assertEquals(2, load.getJsonArray("data").size());
        assertEquals(1, load.getJsonArray("links").size());

        var delete = http().get(chart + "?editing=true&gantt_mode=tasks&id=" + first + "&" + status + "=deleted");
        assertEquals("deleted", ((org.w3c.dom.Element) Http.xml(delete).getElementsByTagName("action").item(0)).getAttribute("type"), delete.body());
        var after = Http.json(http().get(chart));
        assertEquals(1, after.getJsonArray("data").size());
        assertEquals(0, after.getJsonArray("links").size(), "the deleted task's link went with it");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
