package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.json.JsonObject;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * dhtmlxGantt's RemoteEvents ({@code gantt.ext.liveUpdates.RemoteEvents}, the client of dhtmlx-gantt 10.0.3) against
 * the real WAR: the chart named on the URL ({@code /api/v1?gantt=<name>}), the entities {@code tasks} and
 * {@code links}, every committed change of the chart once and in log order, and a reconnect with the handshake's key
 * sent exactly what it missed. RemoteEventsIT covers the protocol the scheduler shares with it.
 */
class GanttRemoteEventsIT extends Deployed {

    private static String newGantt() {
        return "g" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private URI base() {
        return URI.create(deploymentUrl.toString());
    }

    private long insert(String gantt, String entity, String fields) {
        var answer = Http.json(http().post("api/gantts/" + gantt + "/" + entity, Http.JSON, fields));
        assertEquals("inserted", answer.getString("action"), answer.toString());
        return answer.getJsonNumber("tid").longValue();
    }

    private JsonObject put(String gantt, String path, String fields) {
        var answer = Http.json(http().put("api/gantts/" + gantt + "/" + path, Http.JSON, fields));
        assertEquals("updated", answer.getString("action"), answer.toString());
        return answer;
    }

    private void delete(String gantt, String path) {
        assertEquals("deleted", Http.json(http().delete("api/gantts/" + gantt + "/" + path)).getString("action"));
    }

    @Test
    void theHandshakeNamesAChartAndRefusesABadNameOrTwoTargets() {
        var ok = http().get("api/v1?gantt=" + newGantt(), "Accept", "application/json", "Remote-Token", "demo-token");
        var badName = http().get("api/v1?gantt=no%20spaces", "Accept", "application/json", "Remote-Token", "demo-token");
        var both = http().get("api/v1?calendar=a&gantt=b", "Accept", "application/json", "Remote-Token", "demo-token");

        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(Http.json(ok).getBoolean("websocket"));
        assertEquals(400, badName.statusCode());
        assertTrue(Http.json(badName).getString("message").contains("gantt names"), badName.body());
        assertFalse(Http.json(badName).containsKey("websocket"), "the client opens no socket");
        assertEquals(400, both.statusCode());
        assertTrue(Http.json(both).getString("message").contains("not both"), both.body());
    }

    @Test
    void everySaveOfTheChartArrivesOnItsEntityWithTheStoredFieldsOnceAndInOrder() throws Exception {
        String gantt = newGantt();
        try (var page = RemoteEventsPage.openGantt(http(), base(), gantt);
                var sameNamedCalendar = RemoteEventsPage.open(http(), base(), gantt)) {
            long parent = insert(gantt, "task", "{\"id\":\"1712\",\"text\":\"phase <b>\",\"start_date\":\"02-06-2025 00:00\",\"duration\":5,"
                    + "\"progress\":0.25,\"parent\":0,\"owner\":\"ann\"}");
            String add = page.nextGanttChange();
            long child = insert(gantt, "task", "{\"text\":\"child\",\"start_date\":\"03-06-2025 00:00\",\"duration\":1,\"parent\":" + parent + "}");
            long other = insert(gantt, "task", "{\"text\":\"other\",\"start_date\":\"09-06-2025 00:00\",\"duration\":2,\"parent\":0}");
            long link = insert(gantt, "link", "{\"source\":" + child + ",\"target\":" + other + ",\"type\":\"0\"}");
            put(gantt, "task/" + other, "{\"text\":\"other, moved\",\"start_date\":\"10-06-2025 00:00\",\"duration\":2,\"parent\":0,\"target\":\"" + parent + "\"}");
            put(gantt, "link/" + link, "{\"source\":" + child + ",\"target\":" + other + ",\"type\":\"1\"}");
            delete(gantt, "task/" + parent); // cascade_delete off: the server deletes the child and the link too

            var received = new ArrayList<String>(List.of(add));
            for (int i = 0; i < 7; i++) received.add(page.nextGanttChange());
            assertEquals(List.of("add-task " + parent, "add-task " + child, "add-task " + other, "add-link " + link,
                    "update-task " + other, "update-link " + link, "delete-link " + link, "delete-task " + child), received);
            assertEquals("delete-task " + parent, page.nextGanttChange(), "children first, then the parent");
            page.barrier(); // nothing more, nothing twice
            sameNamedCalendar.barrier(); // and nothing for the calendar of the same name
        }
    }

    @Test
    void aTaskArrivesAsTheClientParsesIt() throws Exception {
        String gantt = newGantt();
        try (var page = RemoteEventsPage.openGantt(http(), base(), gantt)) {
            long id = insert(gantt, "task", "{\"id\":\"1712\",\"text\":\"phase <b>\",\"start_date\":\"02-06-2025 00:00\",\"duration\":5,"
                    + "\"end_date\":\"07-06-2025 00:00\",\"progress\":0.25,\"parent\":0,\"owner\":\"ann\"}");
            var value = page.nextGanttValue();

            assertEquals("add-task", value.getString("type"));
            var task = value.getJsonObject("task");
            assertEquals(id, task.getJsonNumber("id").longValue(), "the server id, not 1712");
            assertEquals("phase <b>", task.getString("text"));
            assertEquals("02-06-2025 00:00", task.getString("start_date"), "the client's default date_format, which parse_date reads");
            assertEquals("07-06-2025 00:00", task.getString("end_date"));
            assertEquals(5, task.getInt("duration"));
            assertEquals("ann", task.getString("owner"));
            assertEquals(0, task.getInt("parent"));
            assertTrue(task.containsKey("version"), "the next save of a receiving page names it");
        }
    }

    /** src-webapp/gantt.html?live=remote-events twice in headless Chromium: the real client, the same steps as over Faye. */
    @Test
    void theDemoPageInRemoteEventsModeShowsEveryChangeOfTheOtherPage() throws Exception {
        GanttIT.runDemoPages(deploymentUrl, "remote-events");
    }

    @Test
    void aPageThatReconnectsWithItsKeyGetsExactlyWhatItMissedThenLiveChanges() throws Exception {
        String gantt = newGantt();
        String key;
        long a;
        try (var page = RemoteEventsPage.openGantt(http(), base(), gantt)) {
            key = page.key();
            a = insert(gantt, "task", "{\"text\":\"a\",\"start_date\":\"02-06-2025 00:00\",\"duration\":1}");
            assertEquals("add-task " + a, page.nextGanttChange());
            page.closeNormally();
        }
        long b = insert(gantt, "task", "{\"text\":\"b\",\"start_date\":\"03-06-2025 00:00\",\"duration\":1}");
        long link = insert(gantt, "link", "{\"source\":" + a + ",\"target\":" + b + ",\"type\":\"0\"}");
        put(gantt, "task/" + a, "{\"text\":\"a, renamed while the page was away\"}");

        try (var again = RemoteEventsPage.reconnectGantt(base(), gantt, key)) {
            assertEquals(List.of("add-task " + b, "add-link " + link, "update-task " + a),
                    List.of(again.nextGanttChange(), again.nextGanttChange(), again.nextGanttChange()), "the missed ones, in order, none it had");
            delete(gantt, "link/" + link);
            assertEquals("delete-link " + link, again.nextGanttChange(), "then the live ones");
            again.barrier();
        }
    }
}
