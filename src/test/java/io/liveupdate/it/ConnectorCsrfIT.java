package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URL;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * With {@code liveupdate.security.csrf=true} every save must carry its load's {@code dhx_security} key, as the
 * batched form's field or the {@code X-Dhx-Security} header, whatever its Content-Type claims; a save by GET is
 * refused; a save another site's page made ({@code Sec-Fetch-Site: cross-site}) needs an allowed Origin. The real
 * WAR with those settings at {@code /csrf} (security itself off: the key is the anonymous caller's).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConnectorCsrfIT {

    private static final String ALLOWED_ORIGIN = "https://app.example";
    private static final String KEY_HEADER = "X-Dhx-Security";

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive withCsrf() {
        return Deployed.realWar()
                .addAsResource(new StringAsset("liveupdate.security.csrf=true\nliveupdate.security.allowed-origins=" + ALLOWED_ORIGIN + "\n"),
                        "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset("<jboss-web xmlns=\"urn:jboss:jakartaee:1.0\" version=\"15.0\">"
                        + "<context-root>/csrf</context-root></jboss-web>"), "jboss-web.xml");
    }

    private Http http() {
        return Deployed.http(deploymentUrl);
    }

    private String key(TestCalendar calendar) {
        String key = Http.json(http().get(calendar.url)).getString("dhx_security");
        assertFalse(key.isEmpty());
        return key;
    }

    private static String batch(String text) {
        return "ids=1700000000000&1700000000000_!nativeeditor_status=inserted&1700000000000_start_date=2025-04-01%2009:00"
                + "&1700000000000_end_date=2025-04-01%2010:00&1700000000000_text=" + TestCalendar.enc(text);
    }

    private HttpResponse<String> post(TestCalendar calendar, String contentType, String body, String... headers) {
        return http().send(http().request(calendar.url + "?editing=true", headers).header("Content-Type", contentType)
                .POST(BodyPublishers.ofString(body)));
    }

    @Test
    void aBatchedSaveSentAsTextPlainNeedsTheKeyLikeAFormPost() {
        var calendar = new TestCalendar(http());
        String key = key(calendar);
        for (String contentType : new String[] {"text/plain", Http.FORM}) {
            var refused = post(calendar, contentType, batch("no key"));
            assertEquals(403, refused.statusCode(), contentType + ": " + refused.body());
            assertTrue(Http.json(refused).getString("message").contains("dhx_security"), refused.body());
            assertEquals(403, post(calendar, contentType, batch("forged key") + "&dhx_security=forged").statusCode(), contentType);
        }
        assertTrue(calendar.load().isEmpty(), "nothing was stored");

        var accepted = post(calendar, "text/plain", batch("with the key") + "&dhx_security=" + key);
        assertEquals(200, accepted.statusCode(), accepted.body());
        assertEquals("inserted", ((Element) Http.xml(accepted).getElementsByTagName("action").item(0)).getAttribute("type"));
    }

    @Test
    void jsonAndRestSavesCarryTheKeyInAHeader() {
        var calendar = new TestCalendar(http());
        String key = key(calendar);
        String event = "{\"start_date\":\"2025-04-01 09:00\",\"end_date\":\"2025-04-01 10:00\",\"text\":\"json\"}";
        for (String contentType : new String[] {Http.JSON, "text/plain"}) {
            assertEquals(403, post(calendar, contentType, event).statusCode(), contentType);
            assertEquals(403, post(calendar, contentType, event, KEY_HEADER, key + "x").statusCode(), contentType);
        }
        var inserted = post(calendar, Http.JSON, event, KEY_HEADER, key);
        assertEquals(200, inserted.statusCode(), inserted.body());
        long id = Http.json(inserted).getJsonNumber("tid").longValue();

        var putWithout = http().send(http().request(calendar.url + "/" + id, "Content-Type", Http.JSON).PUT(BodyPublishers.ofString("{\"text\":\"changed\"}")));
        assertEquals(403, putWithout.statusCode());
        assertEquals(403, http().send(http().request(calendar.url + "/" + id).DELETE()).statusCode());
        assertEquals(Set.of(id), calendar.load().keySet());
        assertEquals("json", calendar.load().get(id).getString("text"));

        var put = http().send(http().request(calendar.url + "/" + id, "Content-Type", Http.JSON, KEY_HEADER, key)
                .PUT(BodyPublishers.ofString("{\"text\":\"changed\"}")));
        assertEquals("updated", Http.json(put).getString("action"), put.body());
        assertEquals(200, http().send(http().request(calendar.url + "/" + id, KEY_HEADER, key).DELETE()).statusCode());
        assertTrue(calendar.load().isEmpty());
    }

    @Test
    void aGetThatWouldDeleteIsRefused405EvenWithTheKey() {
        var calendar = new TestCalendar(http());
        String key = key(calendar);
        var inserted = post(calendar, Http.JSON, "{\"start_date\":\"2025-04-01 09:00\",\"end_date\":\"2025-04-01 10:00\"}", KEY_HEADER, key);
        long id = Http.json(inserted).getJsonNumber("tid").longValue();

        for (String query : new String[] {"id=" + id + "&!nativeeditor_status=deleted", "id=" + id + "&!nativeeditor_status=deleted&dhx_security=" + key}) {
            var response = http().get(calendar.url + "?editing=true&" + query);
            assertEquals(405, response.statusCode(), response.body());
            assertEquals("error", Http.json(response).getString("action"));
        }
        assertEquals(Set.of(id), calendar.load().keySet());
    }

    @Test
    void aSaveAnotherSitesPageMadeNeedsAnAllowedOrigin() {
        var calendar = new TestCalendar(http());
        String key = key(calendar);
        String event = "{\"start_date\":\"2025-04-01 09:00\",\"end_date\":\"2025-04-01 10:00\",\"text\":\"cross\"}";
        var noOrigin = post(calendar, Http.JSON, event, KEY_HEADER, key, "Sec-Fetch-Site", "cross-site");
        assertEquals(403, noOrigin.statusCode(), noOrigin.body());
        var foreign = post(calendar, Http.JSON, event, KEY_HEADER, key, "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example");
        assertEquals(403, foreign.statusCode(), foreign.body());
        assertTrue(calendar.load().isEmpty());

        var allowed = post(calendar, Http.JSON, event, KEY_HEADER, key, "Sec-Fetch-Site", "cross-site", "Origin", ALLOWED_ORIGIN);
        assertEquals(200, allowed.statusCode(), allowed.body());
        var sameOrigin = post(calendar, Http.JSON, event, KEY_HEADER, key, "Sec-Fetch-Site", "same-origin");
        assertEquals(200, sameOrigin.statusCode(), sameOrigin.body());
        assertEquals(2, calendar.load().size());
    }
}
