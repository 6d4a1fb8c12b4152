package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.BackOffice;
import io.liveupdate.it.support.RecordedChanges;
import io.liveupdate.it.support.TestSupportResource;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every committed insert, update and delete fires a CDI event, whichever code made it; a rolled-back change
 * is never seen by an AFTER_SUCCESS observer. The WAR under test is the real one plus a test-only observer
 * and a "back office" bean that uses JPA directly.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChangeEventsIT {

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive warWithTestSupport() {
        return Deployed.realWar().addClasses(RecordedChanges.class, BackOffice.class, TestSupportResource.class);
    }

    @Test
    void connectorSavesFireOneCommittedEventPerChangeWithTheClientsTemporaryId() {
        var http = Deployed.http(deploymentUrl);
        var calendar = new TestCalendar(http);
        var inserted = Http.json(http.post(calendar.url + "?editing=true", Http.JSON,
                "{\"id\":1712345678901,\"action\":\"inserted\",\"data\":{\"start_date\":\"2025-04-01 09:00\","
                        + "\"end_date\":\"2025-04-01 10:00\",\"text\":\"made by the connector\"}}"));
        long id = inserted.getJsonNumber("tid").longValue();
        http.put(calendar.url + "/" + id, Http.JSON, "{\"text\":\"renamed by the connector\"}");
        http.delete(calendar.url + "/" + id);

        List<JsonObject> changes = changes(http, calendar);

        assertEquals(List.of("INSERTED", "UPDATED", "DELETED"), changes.stream().map(c -> c.getString("kind")).toList());
        assertTrue(changes.stream().allMatch(c -> c.getJsonNumber("id").longValue() == id));
        assertEquals("1712345678901", changes.get(0).getString("clientReference"));
        assertEquals("renamed by the connector", changes.get(1).getString("text"), "the payload is the committed row");
    }

    @Test
    void aChangeMadeByAnotherBeanFiresTheEventAndIsBroadcast() {
        var http = Deployed.http(deploymentUrl);
        var calendar = new TestCalendar(http);
        try (var faye = FayeClient.start("watcher")) {
            faye.connect(deploymentUrl + "sync", FayeClient.Transport.WEBSOCKET);
            faye.subscribe(updateChannel(calendar));
            long id = Long.parseLong(http.post("api/test-support/" + calendar.name + "/insert?text=back%20office", Http.FORM, "").body());
            http.post("api/test-support/" + calendar.name + "/rename/" + id + "?text=renamed%20by%20a%20bean", Http.FORM, "");

            List<JsonObject> changes = changes(http, calendar);

            assertEquals(List.of("INSERTED", "UPDATED"), changes.stream().map(c -> c.getString("kind")).toList());
            assertEquals("renamed by a bean", changes.get(1).getString("text"));
            assertEquals("", changes.get(0).getString("clientReference"));
            var update = faye.awaitMessage(updateChannel(calendar), d -> "updated".equals(d.getString("status", "")), Duration.ofSeconds(5));
            assertEquals("renamed by a bean", update.dataObject().getJsonObject("data").getString("text"));
        }
    }

    @Test
    void aRolledBackChangeFiresNothingBroadcastsNothingAndLeavesNothing() {
        var http = Deployed.http(deploymentUrl);
        var calendar = new TestCalendar(http);
        try (var faye = FayeClient.start("watcher")) {
            faye.connect(deploymentUrl + "sync", FayeClient.Transport.LONG_POLLING);
            faye.subscribe(updateChannel(calendar));
            http.post("api/test-support/" + calendar.name + "/insert-then-fail?text=never", Http.FORM, "");
            long committed = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "committed after");
            // the committed change that followed arrives, and nothing arrived before it
            faye.awaitMessage(updateChannel(calendar), d -> Long.toString(committed).equals(d.getString("tid", "")), Duration.ofSeconds(5));
            assertEquals(1, faye.messages().size(), "only the committed change was broadcast: " + faye.messages());
            http.delete(calendar.url + "/" + committed);
        }
        var calendarAfter = new TestCalendar(http);
        var answer = Http.json(http.post("api/test-support/" + calendarAfter.name + "/insert-then-fail?text=never", Http.FORM, ""));

        assertTrue(answer.getBoolean("rolledBack"));
        assertTrue(changes(http, calendarAfter).isEmpty(), "no committed-change event for a rolled-back insert");
        assertTrue(calendarAfter.load().isEmpty());
        // and an invalid row refused by the connector fires nothing either
        http.post(calendarAfter.url, Http.JSON, "{\"start_date\":\"2025-04-01 10:00\",\"end_date\":\"2025-04-01 09:00\"}");
        assertTrue(changes(http, calendarAfter).isEmpty());
    }

    private static String updateChannel(TestCalendar calendar) {
        return "/calendars/" + calendar.name + "/update";
    }

    private static List<JsonObject> changes(Http http, TestCalendar calendar) {
        try (var reader = Json.createReader(new StringReader(http.get("api/test-support/" + calendar.name + "/changes").body()))) {
            JsonArray array = reader.readArray();
            return array.getValuesAs(JsonObject.class);
        }
    }
}
