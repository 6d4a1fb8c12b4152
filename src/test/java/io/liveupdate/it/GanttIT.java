package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.faye.FayeEvent;
import io.liveupdate.it.support.LiveReplica;
import io.liveupdate.it.support.SecondNode;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * dhtmlxGantt over real HTTP, as its dataProcessor sends (checked against dhtmlx-gantt 10.0.3's sources): JSON and XML
 * loads, REST-JSON, REST, JSON and POST mode saves with the answers the client reads, GET mode saves refused (405),
 * refusals that save nothing, cascade deletes, ordering, and every change on {@code /gantts/<name>/update} once, in log order, with its number.
 */
class GanttIT extends Deployed {

    private static String newGantt() {
        return "g" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String url(String gantt) {
        return "api/gantts/" + gantt;
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private JsonObject postJson(String path, String body) {
        var response = http().post(path, Http.JSON, body);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private JsonObject putJson(String path, String body) {
        var response = http().put(path, Http.JSON, body);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private JsonObject delete(String path) {
        var response = http().delete(path);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private JsonObject load(String gantt) {
        var response = http().get(url(gantt));
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    /** Inserts a task through REST-JSON and returns its server id. */
    private long task(String gantt, String fields) {
        var answer = postJson(url(gantt) + "/task", fields);
        assertEquals("inserted", answer.getString("action"), answer.toString());
        return answer.getJsonNumber("tid").longValue();
    }

    private List<Long> taskIds(String gantt) {
        return load(gantt).getJsonArray("data").stream().map(t -> t.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    @Test
    void restJsonSavesAreAnsweredAsTheClientReadsThemAndLoadBackUnchanged() {
        String gantt = newGantt();
        var inserted = postJson(url(gantt) + "/task", "{\"text\":\"Project <b>\",\"start_date\":\"15-01-2025 00:00\",\"duration\":5,"
                + "\"end_date\":\"20-01-2025 00:00\",\"progress\":0.4,\"parent\":0,\"open\":true,\"type\":\"project\","
                + "\"owner\":{\"name\":\"Ann\",\"hours\":[1,2.5]},\"$level\":0}");
        assertEquals("inserted", inserted.getString("action"));
        long project = inserted.getJsonNumber("tid").longValue();
        assertEquals(1, inserted.getJsonObject("item").getInt("version"));
        long child = task(gantt, "{\"text\":\"Child\",\"start_date\":\"16-01-2025 00:00\",\"duration\":2,\"progress\":0,\"parent\":\"" + project + "\"}");

        var updated = putJson(url(gantt) + "/task/" + child, "{\"text\":\"Child, renamed\",\"start_date\":\"17-01-2025 08:00\",\"duration\":2,"
                + "\"progress\":0.5,\"parent\":\"" + project + "\",\"version\":1}");
        assertEquals("updated", updated.getString("action"), updated.toString());
        assertEquals(child, updated.getJsonNumber("tid").longValue());
        assertEquals(2, updated.getJsonObject("item").getInt("version"));

        var link = postJson(url(gantt) + "/link", "{\"source\":\"" + project + "\",\"target\":\"" + child + "\",\"type\":\"1\",\"lag\":2}");
        assertEquals("inserted", link.getString("action"), link.toString());
        long linkId = link.getJsonNumber("tid").longValue();

        var loaded = load(gantt);
        var tasks = loaded.getJsonArray("data");
        assertEquals(2, tasks.size());
        var first = tasks.getJsonObject(0);
        assertEquals(project, first.getJsonNumber("id").longValue(), "loaded in the order of insertion");
        assertEquals("Project <b>", first.getString("text"));
        assertEquals("15-01-2025 00:00", first.getString("start_date"));
        assertEquals("20-01-2025 00:00", first.getString("end_date"));
        assertEquals(5, first.getInt("duration"));
        assertEquals(0.4, first.getJsonNumber("progress").doubleValue());
        assertEquals(0, first.getInt("parent"));
        assertTrue(first.getBoolean("open"));
        assertEquals("project", first.getString("type"));
        assertEquals(json("{\"name\":\"Ann\",\"hours\":[1,2.5]}"), first.getJsonObject("owner"), "a custom field loads back as sent");
        assertFalse(first.containsKey("$level"), "page state is not stored");
        var second = tasks.getJsonObject(1);
        assertEquals("Child, renamed", second.getString("text"));
        assertEquals("17-01-2025 08:00", second.getString("start_date"));
        assertEquals(project, second.getJsonNumber("parent").longValue());
        assertEquals(json("{\"id\":" + linkId + ",\"source\":" + project + ",\"target\":" + child + ",\"type\":\"1\",\"lag\":2,\"version\":1}"),
                loaded.getJsonArray("links").getJsonObject(0));

        var linkUpdated = putJson(url(gantt) + "/link/" + linkId, "{\"source\":\"" + project + "\",\"target\":\"" + child + "\",\"type\":\"0\",\"version\":1}");
        assertEquals("updated", linkUpdated.getString("action"), linkUpdated.toString());
        assertEquals("deleted", delete(url(gantt) + "/link/" + linkId).getString("action"));
        assertEquals(0, load(gantt).getJsonArray("links").size());
    }

    @Test
    void restFormSavesAsTheRestModeSendsThem() {
        String gantt = newGantt();
        var inserted = Http.json(http().post(url(gantt) + "/task", Http.FORM, "text=" + enc("Form & task") + "&start_date=" + enc("15-01-2025 09:30")
                + "&duration=3&progress=0&parent=0&open=false&priority=high"));
        assertEquals("inserted", inserted.getString("action"), inserted.toString());
        long id = inserted.getJsonNumber("tid").longValue();
        var updated = Http.json(http().put(url(gantt) + "/task/" + id, Http.FORM, "text=" + enc("Renamed") + "&start_date=" + enc("2025-01-16 10:00")
                + "&duration=4&progress=" + enc("0.5") + "&parent=0&version=1&end_date="));
        assertEquals("updated", updated.getString("action"), updated.toString());
        var task = load(gantt).getJsonArray("data").getJsonObject(0);
        assertEquals("Renamed", task.getString("text"));
        assertEquals("16-01-2025 10:00", task.getString("start_date"));
        assertEquals(4, task.getInt("duration"));
        assertEquals("high", task.getString("priority"));
        assertEquals("deleted", delete(url(gantt) + "/task/" + id).getString("action"));
        assertEquals(List.of(), taskIds(gantt));
    }

    @Test
    void badInputIsRefusedAndSavesNothing() {
        String gantt = newGantt();
        String other = newGantt();
        long a = task(gantt, "{\"text\":\"A\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":0}");
        long b = task(gantt, "{\"text\":\"B\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":\"" + a + "\"}");
        long elsewhere = task(other, "{\"text\":\"X\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":0}");
        JsonObject before = load(gantt);
        long seqBefore = LiveReplica.committedSeqOf("gantt:" + gantt);

        var crossLink = postJson(url(gantt) + "/link", "{\"source\":\"" + a + "\",\"target\":\"" + elsewhere + "\",\"type\":\"0\"}");
        assertEquals("invalid", crossLink.getString("action"), crossLink.toString());
        assertTrue(crossLink.getString("message").contains("not in gantt"), crossLink.toString());

        // Dependencies: a -> b stored; b -> a, of any of the four types, would ask each to wait for the other.
        long ab = postJson(url(gantt) + "/link", "{\"source\":\"" + a + "\",\"target\":\"" + b + "\",\"type\":\"0\"}").getJsonNumber("tid").longValue();
        var loop = postJson(url(gantt) + "/link", "{\"source\":\"" + b + "\",\"target\":\"" + a + "\",\"type\":\"1\"}");
        assertEquals("invalid", loop.getString("action"), loop.toString());
        assertTrue(loop.getString("message").contains("loop of dependencies (" + b + " -> " + a + " -> " + b + ")"), loop.toString());
        long ba = postJson(url(gantt) + "/link", "{\"source\":\"" + b + "\",\"target\":\"" + a + "\",\"type\":\"note\"}").getJsonNumber("tid").longValue();
        var loopByUpdate = putJson(url(gantt) + "/link/" + ba, "{\"source\":\"" + b + "\",\"target\":\"" + a + "\",\"type\":\"0\"}");
        assertEquals("invalid", loopByUpdate.getString("action"), loopByUpdate.toString());
        assertEquals("updated", putJson(url(gantt) + "/link/" + ab, "{\"source\":\"" + a + "\",\"target\":\"" + b + "\",\"type\":\"2\"}")
                .getString("action"), "a link's own old edge is no loop");
        delete(url(gantt) + "/link/" + ba);
        delete(url(gantt) + "/link/" + ab);
        seqBefore += 5; // the five accepted link changes above

        var cycle = putJson(url(gantt) + "/task/" + a, "{\"text\":\"A\",\"parent\":\"" + b + "\",\"version\":1}");
        assertEquals("invalid", cycle.getString("action"), cycle.toString());
        assertTrue(cycle.getString("message").contains("own ancestor"), cycle.toString());

        var foreignParent = putJson(url(gantt) + "/task/" + b, "{\"text\":\"B\",\"parent\":\"" + elsewhere + "\"}");
        assertEquals("invalid", foreignParent.getString("action"), foreignParent.toString());

        var badDate = postJson(url(gantt) + "/task", "{\"text\":\"C\",\"start_date\":\"31-02-2025 00:00\",\"duration\":1,\"parent\":0}");
        assertEquals("invalid", badDate.getString("action"), badDate.toString());
        assertTrue(badDate.getString("message").startsWith("start_date"), badDate.toString());

        var badColour = putJson(url(gantt) + "/task/" + a, "{\"text\":\"A\",\"progressColor\":\"red' onmouseover='alert(1)\"}");
        assertEquals("invalid", badColour.getString("action"), badColour.toString());
        assertTrue(badColour.getString("message").contains("not a CSS colour"), badColour.toString());

        var backwards = putJson(url(gantt) + "/task/" + a, "{\"start_date\":\"15-01-2025 00:00\",\"end_date\":\"14-01-2025 00:00\"}");
        assertEquals("invalid", backwards.getString("action"), backwards.toString());

        var markupId = putJson(url(gantt) + "/task/" + enc("<img src=x>"), "{\"text\":\"A\"}");
        assertEquals("invalid", markupId.getString("action"), markupId.toString());
        assertFalse(markupId.containsKey("sid"), "a markup id is never echoed");

        var unknown = putJson(url(gantt) + "/task/" + elsewhere, "{\"text\":\"not mine\"}");
        assertEquals("error", unknown.getString("action"), unknown.toString());

        // A stale edit (another page saved since, or a Ctrl+Z replaying an old state) is refused with what won.
        var winner = putJson(url(gantt) + "/task/" + a, "{\"text\":\"A, by page 1\",\"version\":1}");
        assertEquals("updated", winner.getString("action"));
        var stale = putJson(url(gantt) + "/task/" + a, "{\"text\":\"A, undone by page 2\",\"version\":1}");
        assertEquals("error", stale.getString("action"), stale.toString());
        assertEquals("A, by page 1", stale.getJsonObject("item").getString("text"));
        assertEquals(2, stale.getJsonObject("item").getInt("version"));

        var after = load(gantt);
        assertEquals(before.getJsonArray("links"), after.getJsonArray("links"));
        assertEquals(List.of(a, b), taskIds(gantt));
        assertEquals("A, by page 1", after.getJsonArray("data").getJsonObject(0).getString("text"));
        assertEquals(before.getJsonArray("data").getJsonObject(1), after.getJsonArray("data").getJsonObject(1));
        assertEquals(seqBefore + 1, LiveReplica.committedSeqOf("gantt:" + gantt), "only the one accepted update was numbered");
        assertEquals(1, load(other).getJsonArray("data").size());
    }

    @Test
    void deletingATaskDeletesItsSubtreeAndTheirLinks() {
        String gantt = newGantt();
        long parent = task(gantt, "{\"text\":\"P\",\"start_date\":\"15-01-2025 00:00\",\"duration\":3,\"parent\":0}");
        long child = task(gantt, "{\"text\":\"C\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":" + parent + "}");
        long grandchild = task(gantt, "{\"text\":\"G\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":" + child + "}");
        long outside = task(gantt, "{\"text\":\"O\",\"start_date\":\"20-01-2025 00:00\",\"duration\":1,\"parent\":0}");
        postJson(url(gantt) + "/link", "{\"source\":" + grandchild + ",\"target\":" + outside + ",\"type\":\"0\"}");
        postJson(url(gantt) + "/link", "{\"source\":" + child + ",\"target\":" + grandchild + ",\"type\":\"0\"}");
        var dangling = postJson(url(gantt) + "/link", "{\"source\":" + outside + ",\"target\":999999999,\"type\":\"0\"}");
        assertEquals("invalid", dangling.getString("action"), "a link to a task that does not exist: " + dangling);

        // cascade_delete off: only the parent's DELETE
        assertEquals("deleted", delete(url(gantt) + "/task/" + parent).getString("action"));
        var loaded = load(gantt);
        assertEquals(List.of(outside), taskIds(gantt));
        assertEquals(0, loaded.getJsonArray("links").size());
        // cascade_delete on: the client's own DELETEs of the children and links arrive too, and find them gone
        assertEquals("deleted", delete(url(gantt) + "/task/" + grandchild).getString("action"));
        assertEquals("deleted", delete(url(gantt) + "/link/123456789").getString("action"));
    }

    @Test
    void targetMovesATaskBeforeOrAfterAnother() {
        String gantt = newGantt();
        long a = task(gantt, "{\"text\":\"A\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":0}");
        long b = task(gantt, "{\"text\":\"B\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":0}");
        long c = task(gantt, "{\"text\":\"C\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":0}");
        assertEquals(List.of(a, b, c), taskIds(gantt));
        assertEquals("updated", putJson(url(gantt) + "/task/" + c, "{\"text\":\"C\",\"target\":\"" + a + "\"}").getString("action"));
        assertEquals(List.of(c, a, b), taskIds(gantt));
        assertEquals("updated", putJson(url(gantt) + "/task/" + c, "{\"text\":\"C\",\"target\":\"next:" + b + "\"}").getString("action"));
        assertEquals(List.of(a, b, c), taskIds(gantt));
        var missing = putJson(url(gantt) + "/task/" + a, "{\"text\":\"A\",\"target\":\"next:999999999\"}");
        assertEquals("invalid", missing.getString("action"), missing.toString());
        assertEquals(List.of(a, b, c), taskIds(gantt));
    }

    @Test
    void jsonAndPostModesWithGanttMode() {
        String gantt = newGantt();
        var inserted = postJson(url(gantt) + "?editing=true&gantt_mode=tasks",
                "{\"id\":1700000000000,\"action\":\"inserted\",\"data\":{\"text\":\"J\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":0}}");
        assertEquals("inserted", inserted.getString("action"), inserted.toString());
        assertEquals("1700000000000", inserted.getString("sid"));
        long j = inserted.getJsonNumber("tid").longValue();

        var form = http().post(url(gantt) + "?editing=true&gantt_mode=tasks", Http.FORM, "ids=" + enc("1700000000001,1700000000002")
                + "&1700000000001_text=P1&1700000000001_start_date=" + enc("15-01-2025 00:00") + "&1700000000001_duration=1&1700000000001_parent=0"
                + "&1700000000001_" + enc("!nativeeditor_status") + "=inserted"
                + "&1700000000002_text=P2&1700000000002_start_date=" + enc("99-99-2025 00:00") + "&1700000000002_parent=0"
                + "&1700000000002_" + enc("!nativeeditor_status") + "=inserted");
        assertEquals(200, form.statusCode(), form.body());
        var actions = Http.xml(form).getElementsByTagName("action");
        assertEquals(2, actions.getLength(), form.body());
        var first = (Element) actions.item(0);
        assertEquals("inserted", first.getAttribute("type"));
        assertEquals("1700000000001", first.getAttribute("sid"));
        long p1 = Long.parseLong(first.getAttribute("tid"));
        assertEquals("invalid", ((Element) actions.item(1)).getAttribute("type"), form.body());

        var link = http().post(url(gantt) + "?editing=true&gantt_mode=links", Http.FORM, "id=1700000000003&source=" + j + "&target=" + p1
                + "&type=0&" + enc("!nativeeditor_status") + "=inserted");
        var linkAction = (Element) Http.xml(link).getElementsByTagName("action").item(0);
        assertEquals("inserted", linkAction.getAttribute("type"), link.body());
        assertEquals(1, load(gantt).getJsonArray("links").size());

        var order = postJson(url(gantt) + "?editing=true&gantt_mode=tasks", "{\"id\":" + p1 + ",\"action\":\"order\",\"data\":{\"target\":\"" + j + "\"}}");
        assertEquals("updated", order.getString("action"), order.toString());
        assertEquals(List.of(p1, j), taskIds(gantt));

        var unsupported = http().post(url(gantt) + "?editing=true&gantt_mode=baselines", Http.JSON, "{\"id\":1,\"action\":\"inserted\",\"data\":{}}");
        assertEquals(400, unsupported.statusCode(), unsupported.body());
    }

    /**
     * {@code gantt.load(url + "?format=xml", "xml")}: what 10.0.3's {@code gantt.xml.parse} reads, every attribute of a
     * {@code <task>} a field and its first child node the text, every attribute of a links {@code <item>} a field.
     */
    @Test
    void anXmlLoadCarriesTheJsonLoadsFieldsAsTheClientParsesThem() {
        String gantt = newGantt();
        long project = task(gantt, "{\"text\":\"Project <b> & ]]> \\\"q\\\"\",\"start_date\":\"15-01-2025 00:00\",\"duration\":5,"
                + "\"progress\":0.4,\"parent\":0,\"open\":true,\"type\":\"project\",\"owner\":{\"name\":\"Ann\"},\"my field\":1}");
        long child = task(gantt, "{\"text\":\"\",\"start_date\":\"16-01-2025 00:00\",\"duration\":2,\"parent\":" + project + ",\"open\":false}");
        postJson(url(gantt) + "/link", "{\"source\":" + project + ",\"target\":" + child + ",\"type\":\"1\",\"lag\":\"2 <d>\"}");
        var json = load(gantt);

        var response = http().get(url(gantt) + "?format=xml");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/xml"), response.headers().toString());
        var xml = Http.xml(response);
        assertEquals("data", xml.getDocumentElement().getTagName());
        var tasks = xml.getElementsByTagName("task");
        assertEquals(2, tasks.getLength(), response.body());
        for (int i = 0; i < 2; i++) {
            int index = i;
            var task = (Element) tasks.item(i);
            var fields = json.getJsonArray("data").getJsonObject(i);
            assertEquals(fields.getString("text"), task.getTextContent(), "the text, markup and ']]>' included");
            fields.forEach((name, value) -> {
                if (name.equals("text") || name.equals("my field") || value == JsonValue.FALSE) return;
                String expected = value instanceof jakarta.json.JsonString text ? text.getString() : value.toString();
                assertEquals(expected, task.getAttribute(name), name + " of task " + index + ": " + response.body());
            });
        }
        var first = (Element) tasks.item(0);
        assertEquals(Long.toString(project), first.getAttribute("id"), "in the chart's order");
        assertEquals("true", first.getAttribute("open"));
        assertEquals("{\"name\":\"Ann\"}", first.getAttribute("owner"), "an object custom field as its JSON text");
        assertEquals(1, first.getChildNodes().getLength(), "the text is the task's only child node, as the client reads one");
        assertFalse(((Element) tasks.item(1)).hasAttribute("open"), "a false open is left out: the client would read \"false\" as true");
        var collections = xml.getElementsByTagName("coll_options");
        assertEquals(1, collections.getLength());
        assertEquals("links", ((Element) collections.item(0)).getAttribute("for"));
        var links = ((Element) collections.item(0)).getElementsByTagName("item");
        assertEquals(1, links.getLength());
        var link = (Element) links.item(0);
        json.getJsonArray("links").getJsonObject(0).forEach((name, value) ->
                assertEquals(value instanceof jakarta.json.JsonString text ? text.getString() : value.toString(), link.getAttribute(name), name));
        assertEquals("2 <d>", link.getAttribute("lag"));

        var byAccept = http().get(url(gantt), "Accept", "text/xml");
        assertEquals(response.body(), byAccept.body(), "an Accept preferring XML is answered the same");
        assertEquals(json, load(gantt), "without either, JSON");
        assertEquals(400, http().get("api/gantts/bad%20name?format=xml").statusCode(), "a bad name is refused as for JSON");
    }

    /** The GET mode puts the POST mode's form in the URL; any site can make a browser send that, so it is refused. */
    @Test
    void aSaveByGetIsRefused405AndChangesNothing() {
        String gantt = newGantt();
        long id = task(gantt, "{\"text\":\"stays\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":0}");
        for (String query : new String[] {"gantt_mode=tasks&id=" + id + "&" + enc("!nativeeditor_status") + "=deleted",
                "gantt_mode=tasks&ids=1700000000001&1700000000001_text=new&1700000000001_start_date=" + enc("15-01-2025 00:00")
                        + "&1700000000001_duration=1&1700000000001_" + enc("!nativeeditor_status") + "=inserted",
                "gantt_mode=links&id=1700000000002&source=" + id + "&target=" + id + "&type=0&" + enc("!nativeeditor_status") + "=inserted"}) {
            var response = http().get(url(gantt) + "?editing=true&" + query + "&dhxr1700000000000=1");
            assertEquals(405, response.statusCode(), response.body());
            assertEquals("POST", response.headers().firstValue("Allow").orElse(""));
            assertTrue(Http.json(response).getString("message").contains("liveupdate.connector.allow-get-saves"), response.body());
        }
        assertEquals(List.of(id), taskIds(gantt), "nothing inserted, nothing deleted");
        assertEquals(0, load(gantt).getJsonArray("links").size());
        assertEquals(200, http().get(url(gantt) + "?editing=true&gantt_mode=tasks").statusCode(), "a GET without rows is still a load");
    }

    @Test
    void everyChangeReachesFayeSubscribersOnceInLogOrder() {
        String gantt = newGantt();
        String channel = "/gantts/" + gantt + "/update";
        try (var ws = FayeClient.start("gantt-ws"); var lp = FayeClient.start("gantt-lp")) {
            ws.connect(deploymentUrl + "sync", WEBSOCKET, new FayeClient.Options().catchUp());
            lp.connect(deploymentUrl + "sync", LONG_POLLING, new FayeClient.Options().catchUp());
            ws.subscribe(channel);
            lp.subscribe(channel);
            assertTrue(ws.publish(channel, Json.createObjectBuilder().add("type", "delete-task").build()).isPresent(),
                    "clients may not publish on a chart's channel");

            long a = task(gantt, "{\"text\":\"A\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":0}");
            long b = task(gantt, "{\"text\":\"B\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":" + a + "}");
            long link = postJson(url(gantt) + "/link", "{\"source\":" + a + ",\"target\":" + b + ",\"type\":\"0\"}").getJsonNumber("tid").longValue();
            putJson(url(gantt) + "/task/" + b, "{\"text\":\"B2\",\"version\":1}");
            delete(url(gantt) + "/task/" + a);
            List<String> expected = List.of("add-task " + a, "add-task " + b, "add-link " + link, "update-task " + b,
                    "delete-link " + link, "delete-task " + b, "delete-task " + a);
            long committed = LiveReplica.committedSeqOf("gantt:" + gantt);
            assertEquals(expected.size(), committed);

            for (var client : List.of(ws, lp)) {
                CatchUpIT.awaitCaughtUp(client, channel, committed, Duration.ofSeconds(10));
                // The probe reports a number just before the subscriber gets its message: wait for the last message too.
                client.awaitMessage(channel, d -> "delete-task".equals(d.getString("type", "")) && d.getJsonObject("task").getJsonNumber("id").longValue() == a,
                        Duration.ofSeconds(10));
                List<String> seen = new ArrayList<>();
                List<Long> seqs = new ArrayList<>();
                for (FayeEvent e : client.events()) {
                    if (e.is("message") && channel.equals(e.channel()) && e.dataObject() != null && e.dataObject().containsKey("type")) {
                        JsonObject data = e.dataObject();
                        String entity = data.getString("type").endsWith("link") ? "link" : "task";
                        seen.add(data.getString("type") + " " + data.getJsonObject(entity).getJsonNumber("id").longValue());
                    }
                    if (e.is("delivered") && channel.equals(e.json().getString("channel", null))) seqs.add(e.json().getJsonNumber("seq").longValue());
                }
                assertEquals(expected, seen, client.name() + ": every change once, in log order");
                assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), seqs, client.name() + ": numbered 1..7");
            }
            var add = ws.events().stream().filter(e -> e.is("message") && channel.equals(e.channel())).findFirst().orElseThrow().dataObject();
            assertEquals("A", add.getJsonObject("task").getString("text"));
            assertEquals("15-01-2025 00:00", add.getJsonObject("task").getString("start_date"));
            assertEquals(JsonValue.ValueType.NUMBER, add.getJsonObject("task").get("version").getValueType());
        }
    }

    /** Node 2 (the shared second WildFly on the same database): its commits reach node 1's pages, and node 1's reach its pages. */
    @Test
    void changesCommittedOnEitherNodeReachPagesOnTheOther() throws Exception {
        SecondNode node2 = SecondNode.shared();
        var http2 = new Http(node2.url());
        String gantt = newGantt();
        String channel = "/gantts/" + gantt + "/update";
        try (var on1 = FayeClient.start("gantt-node1"); var on2 = FayeClient.start("gantt-node2")) {
            on1.connect(deploymentUrl + "sync", WEBSOCKET, new FayeClient.Options().catchUp());
            on2.connect(node2.url() + "sync", LONG_POLLING, new FayeClient.Options().catchUp());
            on1.subscribe(channel);
            on2.subscribe(channel);
            var viaNode2 = Http.json(http2.post(url(gantt) + "/task", Http.JSON,
                    "{\"text\":\"from node 2\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":0}"));
            assertEquals("inserted", viaNode2.getString("action"), viaNode2.toString());
            long id = viaNode2.getJsonNumber("tid").longValue();
            var viaNode1 = putJson(url(gantt) + "/task/" + id, "{\"text\":\"then node 1\",\"version\":1}");
            assertEquals("updated", viaNode1.getString("action"), viaNode1.toString());
            for (var client : List.of(on1, on2)) {
                CatchUpIT.awaitCaughtUp(client, channel, 2, Duration.ofSeconds(15));
                client.awaitMessage(channel, d -> "update-task".equals(d.getString("type", "")), Duration.ofSeconds(10));
                List<String> texts = client.events().stream().filter(e -> e.is("message") && channel.equals(e.channel())
                        && e.dataObject() != null && e.dataObject().containsKey("task")).map(e -> e.dataObject().getString("type") + " "
                        + e.dataObject().getJsonObject("task").getString("text")).toList();
                assertEquals(List.of("add-task from node 2", "update-task then node 1"), texts, client.name());
            }
        }
    }

    /**
     * src-webapp/gantt.html twice in headless Chromium, live over Faye: what one page does (mouse drags included)
     * reaches the other, and a reload shows it (GanttRemoteEventsIT runs the RemoteEvents mode).
     */
    @Test
    void theDemoPageShowsEveryChangeOfTheOtherPage() throws Exception {
        runDemoPages(deploymentUrl, "faye");
    }

    /** browser-gantt.js in a live mode of gantt.html ({@code faye} or {@code remote-events}): every step ran, and passed. */
    static void runDemoPages(java.net.URL deploymentUrl, String mode) throws Exception {
        BrowserScenario.requireChromium();
        var steps = BrowserScenario.run("browser-gantt.js", "browser-gantt-" + mode, deploymentUrl, mode);
        for (String step : List.of("create", "create-second", "link", "drag", "reorder", "child", "reload-shows-every-change", "xml-load", "delete-parent", "reload")) {
            assertTrue(BrowserScenario.ran(steps, step), step + " ran: " + steps);
        }
    }

    /** cascade_delete on: the client sends the DELETEs of a parent, its child and their link at once; all end deleted. */
    @Test
    void concurrentDeletesOfASubtreeAllSucceed() {
        String gantt = newGantt();
        for (int round = 0; round < 5; round++) {
            long parent = task(gantt, "{\"text\":\"P\",\"start_date\":\"15-01-2025 00:00\",\"duration\":3,\"parent\":0}");
            long child = task(gantt, "{\"text\":\"C\",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":" + parent + "}");
            long link = postJson(url(gantt) + "/link", "{\"source\":" + parent + ",\"target\":" + child + ",\"type\":\"1\"}").getJsonNumber("tid").longValue();
            var deletes = List.of(url(gantt) + "/link/" + link, url(gantt) + "/task/" + child, url(gantt) + "/task/" + parent).stream()
                    .map(path -> java.util.concurrent.CompletableFuture.supplyAsync(() -> delete(path))).toList();
            for (var answer : deletes) assertEquals("deleted", answer.join().getString("action"), answer.join().toString());
            assertEquals(List.of(), taskIds(gantt));
            assertEquals(0, load(gantt).getJsonArray("links").size());
        }
    }

    /**
     * Loops through the tree, as dhtmlxGantt PRO's {@code isCircularLink} reads a link to or from a project: it stands for
     * every plain task under the project. Project P holds C; C -> X stored; then X -> P would make C wait for itself.
     */
    @Test
    void linkLoopsThroughTheTreeAreRefusedAndSaveNothing() {
        String gantt = newGantt();
        String plain = ",\"start_date\":\"15-01-2025 00:00\",\"duration\":1";
        long p = task(gantt, "{\"text\":\"P\",\"type\":\"project\",\"parent\":0}");
        long c = task(gantt, "{\"text\":\"C\"" + plain + ",\"parent\":\"" + p + "\"}");
        long x = task(gantt, "{\"text\":\"X\"" + plain + ",\"parent\":0}");
        long y = task(gantt, "{\"text\":\"Y\"" + plain + ",\"parent\":0}");
        long z = task(gantt, "{\"text\":\"Z\"" + plain + ",\"parent\":0}");
        assertEquals("inserted", link(gantt, c, x, "0").getString("action"));
        assertEquals("inserted", link(gantt, y, z, "0").getString("action"));
        assertEquals("inserted", link(gantt, z, p, "1").getString("action"), "Z -> P holds C back: no loop yet");
        JsonObject before = load(gantt);
        long seqBefore = LiveReplica.committedSeqOf("gantt:" + gantt);

        var intoProject = link(gantt, x, p, "0");
        assertEquals("invalid", intoProject.getString("action"), intoProject.toString());
        assertTrue(intoProject.getString("message").contains("(" + x + " -> " + c + " (in " + p + ") -> " + x + ")"), intoProject.toString());
        // Y moved under P: Z -> P then holds Y back behind Z, which waits for Y.
        var moved = putJson(url(gantt) + "/task/" + y, "{\"text\":\"Y\",\"parent\":\"" + p + "\"}");
        assertEquals("invalid", moved.getString("action"), moved.toString());
        assertTrue(moved.getString("message").contains("loop of dependencies through the tree"), moved.toString());

        assertEquals(before, load(gantt), "nothing of the refused saves is stored");
        assertEquals(seqBefore, LiveReplica.committedSeqOf("gantt:" + gantt), "nor numbered");
        assertEquals("inserted", link(gantt, y, x, "0").getString("action"), "a link beside the loop still goes in");
    }

    /**
     * Two pages each saving half of a loop at the same moment: the chart's saves run one at a time, so the second is
     * checked against the first and refused. Many rounds, both links sent at once each time; never both stored.
     */
    @Test
    void twoSavesClosingHalfALoopEachAtOnceNeverBothPass() throws Exception {
        String gantt = newGantt();
        String plain = ",\"start_date\":\"15-01-2025 00:00\",\"duration\":1,\"parent\":0}";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                long a = task(gantt, "{\"text\":\"A" + round + "\"" + plain);
                long b = task(gantt, "{\"text\":\"B" + round + "\"" + plain);
                var together = new java.util.concurrent.CyclicBarrier(2);
                var there = pool.submit(() -> { together.await(); return link(gantt, a, b, "0"); });
                var back = pool.submit(() -> { together.await(); return link(gantt, b, a, "0"); });
                List<String> actions = new ArrayList<>(List.of(there.get().getString("action"), back.get().getString("action")));
                actions.sort(null);
                assertEquals(List.of("inserted", "invalid"), actions, "round " + round);
            }
        } finally {
            pool.shutdownNow();
        }
        var links = load(gantt).getJsonArray("links");
        assertEquals(20, links.size(), "one link of each pair stored: " + links);
    }

    /**
     * Branch loading as dhtmlxGantt PRO asks for it: {@code <load url>?parent_id=<id>} when a task marked {@code $has_child}
     * is opened; the page loads the top level with {@code ?parent_id=0}.
     */
    @Test
    void aBranchLoadAnswersOneLevelWithItsLinksAndMarksTasksWithChildren() {
        String gantt = newGantt();
        String plain = ",\"start_date\":\"15-01-2025 00:00\",\"duration\":1";
        long r1 = task(gantt, "{\"text\":\"R1\"" + plain + ",\"parent\":0}");
        long r2 = task(gantt, "{\"text\":\"R2\"" + plain + ",\"parent\":0}");
        long c1 = task(gantt, "{\"text\":\"C1\"" + plain + ",\"parent\":\"" + r1 + "\"}");
        long g = task(gantt, "{\"text\":\"G\"" + plain + ",\"parent\":\"" + c1 + "\"}");
        long c1r2 = link(gantt, c1, r2, "0").getJsonNumber("tid").longValue();

        var top = branch(gantt, "0");
        assertEquals(List.of(r1, r2), ids(top.getJsonArray("data")));
        assertTrue(top.getJsonArray("data").getJsonObject(0).getBoolean("$has_child"), top.toString());
        assertFalse(top.getJsonArray("data").getJsonObject(1).containsKey("$has_child"), top.toString());
        assertEquals(List.of(c1r2), ids(top.getJsonArray("links")), "R2's link, though C1 is not loaded yet");

        var r1Branch = branch(gantt, String.valueOf(r1));
        assertEquals(List.of(c1), ids(r1Branch.getJsonArray("data")));
        assertEquals(r1, r1Branch.getJsonArray("data").getJsonObject(0).getJsonNumber("parent").longValue());
        assertTrue(r1Branch.getJsonArray("data").getJsonObject(0).getBoolean("$has_child"));
        assertEquals(List.of(c1r2), ids(r1Branch.getJsonArray("links")));
        var leaf = branch(gantt, String.valueOf(c1));
        assertEquals(List.of(g), ids(leaf.getJsonArray("data")));
        assertEquals(List.of(), ids(leaf.getJsonArray("links")));
        assertEquals(List.of(), ids(branch(gantt, "999999999").getJsonArray("data")), "a branch the chart does not have is empty");
        assertEquals(4, load(gantt).getJsonArray("data").size(), "without parent_id, the whole chart");
        assertEquals(400, http().get(url(gantt) + "?parent_id=" + enc("1 OR 1=1")).statusCode());
    }

    private JsonObject branch(String gantt, String parent) {
        var response = http().get(url(gantt) + "?parent_id=" + parent);
        assertEquals(200, response.statusCode(), response.body());
        return Http.json(response);
    }

    private static List<Long> ids(jakarta.json.JsonArray items) {
        return items.stream().map(item -> item.asJsonObject().getJsonNumber("id").longValue()).toList();
    }

    private JsonObject link(String gantt, long source, long target, String type) {
        return postJson(url(gantt) + "/link", "{\"source\":\"" + source + "\",\"target\":\"" + target + "\",\"type\":\"" + type + "\"}");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
