package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Two users save the same event at once, over real HTTP, in every transaction mode: the edit made on the
 * stored version wins, the other is answered "error" with the reason and the winner's version, the database
 * holds the winner, and a live subscriber ends with exactly what the database holds (the loser never published).
 */
class ConflictingEditsIT extends Deployed {

    private static final Duration WITHIN = Duration.ofSeconds(10);

    enum Mode { LEGACY_XML, JSON, REST_FORM, REST_JSON }

    /** One save answer, whatever its format: action, reason, and the stored version it reports. */
    record Answer(String action, String message, long version, String itemText) {
    }

    @Test
    void legacyXmlRowsRaceAndOneWins() throws Exception {
        raceAndCheck(Mode.LEGACY_XML);
    }

    @Test
    void jsonModeRowsRaceAndOneWins() throws Exception {
        raceAndCheck(Mode.JSON);
    }

    @Test
    void restFormSavesRaceAndOneWins() throws Exception {
        raceAndCheck(Mode.REST_FORM);
    }

    @Test
    void restJsonSavesRaceAndOneWins() throws Exception {
        raceAndCheck(Mode.REST_JSON);
    }

    @Test
    void aSaveOnAStaleVersionIsRefusedEvenLongAfterTheWinnerCommitted() {
        var calendar = new TestCalendar(http());
        long id = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "first");
        long loaded = version(calendar, id);
        for (Mode mode : Mode.values()) {
            long current = version(calendar, id);
            assertEquals("updated", save(mode, calendar, id, "won in " + mode, current).action());
            Answer stale = save(mode, calendar, id, "stale in " + mode, loaded);
            assertEquals("error", stale.action(), mode + ": " + stale);
            assertTrue(stale.message().contains("changed by someone else"), stale.message());
            assertEquals(version(calendar, id), stale.version(), mode + ": the refusal reports the stored version");
            assertEquals("won in " + mode, calendar.load().get(id).getString("text"));
        }
    }

    @Test
    void aStaleDeleteIsRefusedAndACurrentOneDeletes() {
        var calendar = new TestCalendar(http());
        long id = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "keep me");
        long loaded = version(calendar, id);
        save(Mode.REST_JSON, calendar, id, "changed meanwhile", loaded);

        var stale = Http.json(http().post(calendar.url + "?editing=true", Http.JSON,
                "{\"id\":" + id + ",\"action\":\"deleted\",\"data\":{\"version\":" + loaded + "}}"));
        assertEquals("error", stale.getString("action"));
        assertEquals("changed meanwhile", stale.getJsonObject("item").getString("text"), "the answer shows what won");
        assertTrue(calendar.load().containsKey(id), "a stale delete deletes nothing");

        var current = Http.json(http().post(calendar.url + "?editing=true", Http.JSON,
                "{\"id\":" + id + ",\"action\":\"deleted\",\"data\":{\"version\":" + version(calendar, id) + "}}"));
        assertEquals("deleted", current.getString("action"));
        assertFalse(calendar.load().containsKey(id));
    }

    @Test
    void savesWithoutAVersionOverwriteLastWriteWinsEvenWhenTheyRace() throws Exception {
        var calendar = new TestCalendar(http());
        long id = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "first");
        List<Answer> answers = race(Mode.REST_JSON, calendar, id, null);
        assertEquals(List.of("updated", "updated"), answers.stream().map(Answer::action).toList(), answers.toString());
        assertTrue(List.of("edit by A", "edit by B").contains(calendar.load().get(id).getString("text")));
    }

    private void raceAndCheck(Mode mode) throws Exception {
        try (var live = FayeClient.start("live-" + mode)) {
            live.connect(deploymentUrl + "sync", WEBSOCKET);
            var calendar = new TestCalendar(http());
            String channel = "/calendars/" + calendar.name + "/update";
            live.subscribe(channel);
            long id = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "before the race");
            long loaded = version(calendar, id);

            List<Answer> answers = race(mode, calendar, id, loaded);

            var winners = answers.stream().filter(a -> a.action().equals("updated")).toList();
            var losers = answers.stream().filter(a -> a.action().equals("error")).toList();
            assertEquals(1, winners.size(), mode + ": exactly one wins: " + answers);
            assertEquals(1, losers.size(), mode + ": the other is refused: " + answers);
            assertTrue(losers.get(0).message().contains("changed by someone else"), losers.get(0).message());
            var stored = calendar.load().get(id);
            String winnerText = answers.get(0).action().equals("updated") ? "edit by A" : "edit by B";
            assertEquals(winnerText, stored.getString("text"), mode + ": the database holds the winner");
            long storedVersion = stored.getJsonNumber("version").longValue();
            assertTrue(storedVersion > loaded);
            assertEquals(storedVersion, winners.get(0).version(), "the winner learns its new version");
            assertEquals(storedVersion, losers.get(0).version(), "the loser learns the version that won");
            if (losers.get(0).itemText() != null) assertEquals(winnerText, losers.get(0).itemText());

            // The winner (or anyone told the stored version) edits on: accepted.
            assertEquals("updated", save(mode, calendar, id, "after the race", storedVersion).action());
            live.awaitMessage(channel, d -> "after the race".equals(text(d)), WITHIN);
            var updates = live.messages().stream().map(m -> m.dataObject())
                    .filter(d -> Long.toString(id).equals(d.getString("tid", "")) && "updated".equals(d.getString("status", "")))
                    .toList();
            assertEquals(List.of(winnerText, "after the race"), updates.stream().map(ConflictingEditsIT::text).toList(),
                    mode + ": live subscribers saw the winner once and never the refused edit");
            var finalLive = updates.get(updates.size() - 1).getJsonObject("data");
            var finalStored = calendar.load().get(id);
            assertEquals(finalStored.getString("text"), finalLive.getString("text"));
            assertEquals(finalStored.getJsonNumber("version").longValue(), finalLive.getJsonNumber("version").longValue(),
                    mode + ": the live state equals the database");
        }
    }

    /** Two users send their edit of the same event at the same moment, both made on {@code version}. */
    private List<Answer> race(Mode mode, TestCalendar calendar, long id, Long version) throws Exception {
        var start = new CyclicBarrier(2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Answer>> futures = List.of("edit by A", "edit by B").stream()
                    .map(text -> pool.submit(() -> {
                        start.await();
                        return save(mode, calendar, id, text, version);
                    }))
                    .toList();
            return List.of(futures.get(0).get(), futures.get(1).get());
        } finally {
            pool.shutdownNow();
        }
    }

    /** An update as the dataProcessor sends it in the given mode: every field of the event, version included. */
    private Answer save(Mode mode, TestCalendar calendar, long id, String text, Long version) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("start_date", "2025-04-01 09:00");
        fields.put("end_date", "2025-04-01 10:00");
        fields.put("text", text);
        if (version != null) fields.put("version", Long.toString(version));
        var json = Json.createObjectBuilder().add("id", id).add("start_date", "2025-04-01 09:00")
                .add("end_date", "2025-04-01 10:00").add("text", text);
        if (version != null) json.add("version", version);
        return switch (mode) {
            case LEGACY_XML -> {
                Map<String, String> form = new LinkedHashMap<>();
                form.put("ids", Long.toString(id));
                form.put(id + "_!nativeeditor_status", "updated");
                fields.forEach((k, v) -> form.put(id + "_" + k, v));
                yield xmlAnswer(http().post(calendar.url + "?editing=true", Http.FORM, TestCalendar.form(form)));
            }
            case JSON -> jsonAnswer(http().post(calendar.url + "?editing=true", Http.JSON,
                    Json.createObjectBuilder().add("id", id).add("action", "updated").add("data", json).build().toString()));
            case REST_FORM -> jsonAnswer(http().put(calendar.url + "/" + id, Http.FORM, TestCalendar.form(fields)));
            case REST_JSON -> jsonAnswer(http().put(calendar.url + "/" + id, Http.JSON, json.build().toString()));
        };
    }

    private static Answer xmlAnswer(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        var action = (Element) Http.xml(response).getElementsByTagName("action").item(0);
        return new Answer(action.getAttribute("type"), action.getAttribute("message"),
                Long.parseLong(action.getAttribute("version")), null);
    }

    private static Answer jsonAnswer(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonObject answer = Http.json(response);
        JsonObject item = answer.getJsonObject("item");
        return new Answer(answer.getString("action"), answer.getString("message", ""),
                item.getJsonNumber("version").longValue(), item.getString("text"));
    }

    private static long version(TestCalendar calendar, long id) {
        return calendar.load().get(id).getJsonNumber("version").longValue();
    }

    private static String text(JsonObject legacyUpdate) {
        var data = legacyUpdate.getJsonObject("data");
        return data == null ? null : data.getString("text", null);
    }
}
