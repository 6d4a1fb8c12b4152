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
}
