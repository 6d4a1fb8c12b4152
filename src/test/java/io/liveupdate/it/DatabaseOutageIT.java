package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Fault test: the real PostgreSQL is stopped while saves are in flight and live clients are connected, then started
 * again. Saves during the outage are answered with an error within a bound (no hang), nothing is half-saved, the live
 * sessions survive, and saves work again without a restart. Stops the shared cluster: the build that runs this holds
 * {@code /tmp/pg.lock} exclusively (docs/cluster.md).
 */
class DatabaseOutageIT extends Deployed {

    /** A correctness bound (a save must not hang), far above the datasource's own timeouts; not a benchmark. */
    private static final long ANSWER_BOUND_MILLIS = 15_000;
    private static final Duration WITHIN = Duration.ofSeconds(15);
    private static final int WRITERS = 4;
    /** A bound only: each writer stops at its first refusal, which the outage brings long before. */
    private static final int MAX_SAVES_PER_WRITER = 500;

    @Test
    void savesFailFastDuringAnOutageLiveSessionsStayAndSavingResumesWhenTheDatabaseReturns() throws Exception {
        var postgres = PostgresCluster.main();
        var calendar = new TestCalendar(http());
        String channel = "/calendars/" + calendar.name + "/update";
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try (var ws = FayeClient.start("outage-ws"); var lp = FayeClient.start("outage-lp")) {
            String wsId = ws.connect(deploymentUrl + "sync", WEBSOCKET);
            String lpId = lp.connect(deploymentUrl + "sync", LONG_POLLING);
            ws.subscribe(channel);
            lp.subscribe(channel);
            long before = calendar.insert("2025-04-01 09:00", "2025-04-01 10:00", "before the outage");
            for (var client : List.of(ws, lp)) client.awaitMessage(channel, text("before the outage"), WITHIN);

            // Writers save one event after another, before, across and into the outage: some saves are in flight
            // when PostgreSQL goes down. Each writer stops at its first refusal.
            List<Save> inFlight = new CopyOnWriteArrayList<>();
            var flowing = new CountDownLatch(2 * WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            List<HttpResponse<String>> duringOutage = new ArrayList<>();
            List<Long> outageAnswerMillis = new ArrayList<>();
            try {
                for (int w = 0; w < WRITERS; w++) {
                    int writer = w;
                    writers.add(pool.submit(() -> {
                        for (int j = 0; j < MAX_SAVES_PER_WRITER; j++) {
                            String text = "in flight " + writer + "-" + j;
                            var answer = http().post(calendar.url, Http.JSON, "{\"start_date\":\"2025-04-02 09:00\","
                                    + "\"end_date\":\"2025-04-02 10:00\",\"text\":\"" + text + "\"}");
                            inFlight.add(new Save(text, answer));
                            flowing.countDown();
                            if (!answer.body().contains("\"action\":\"inserted\"")) return;
                        }
                    }));
                }
                assertTrue(flowing.await(30, TimeUnit.SECONDS), "the writers are saving");
                postgres.stop();
                List<Supplier<HttpResponse<String>>> saves = List.of(
                        () -> http().post(calendar.url, Http.JSON,
                                "{\"start_date\":\"2025-04-03 09:00\",\"end_date\":\"2025-04-03 10:00\",\"text\":\"during the outage\"}"),
                        () -> http().put(calendar.url + "/" + before, Http.JSON, "{\"text\":\"changed during the outage\"}"),
                        () -> http().post(calendar.url + "?editing=true", Http.FORM, TestCalendar.form(Map.of("ids", "1712345678901",
                                "1712345678901_!nativeeditor_status", "inserted", "1712345678901_start_date", "2025-04-03 11:00",
                                "1712345678901_end_date", "2025-04-03 12:00", "1712345678901_text", "during the outage, xml"))),
                        () -> http().delete(calendar.url + "/" + before));
                for (var save : saves) {
                    long started = System.nanoTime();
                    duringOutage.add(save.get());
                    outageAnswerMillis.add((System.nanoTime() - started) / 1_000_000);
                }
            } finally {
                postgres.start();
            }
            System.out.println("DatabaseOutageIT: answers during the outage took " + outageAnswerMillis + " ms");
            for (int i = 0; i < duringOutage.size(); i++) {
                var answer = duringOutage.get(i);
                assertTrue(outageAnswerMillis.get(i) < ANSWER_BOUND_MILLIS, "answered in " + outageAnswerMillis.get(i) + " ms");
                assertEquals(200, answer.statusCode(), answer.body());
                assertTrue(answer.body().contains("\"action\":\"error\"") || answer.body().contains("type=\"error\""),
                        "refused with an error: " + answer.body());
                assertTrue(answer.body().contains("not saved"), "with the reason: " + answer.body());
            }

            long after = calendar.insert("2025-04-04 09:00", "2025-04-04 10:00", "after the outage");
            for (var client : List.of(ws, lp)) client.awaitMessage(channel, text("after the outage"), WITHIN);
            assertEquals(wsId, ws.clientId(), "the WebSocket session survived the outage");
            assertEquals(lpId, lp.clientId(), "the long-polling session survived the outage");

            Map<Long, JsonObject> stored = calendar.load();
            assertEquals("before the outage", stored.get(before).getString("text"), "refused changes changed nothing");
            assertTrue(stored.containsKey(after));
            for (var writer : writers) writer.get();
            // Each in-flight save was answered: inserted (and then stored), refused (not stored), or - when the
            // connection broke during its COMMIT - not confirmed, stored or not as the database decided.
            Map<String, Long> storedByText = new HashMap<>();
            stored.forEach((id, row) -> storedByText.put(row.getString("text"), id));
            int saved = 0;
            int unconfirmed = 0;
            int unconfirmedStored = 0;
            for (var save : inFlight) {
                var response = save.answer();
                assertTrue(response.body().startsWith("{"), "a JSON answer: " + response.statusCode() + " " + response.body());
                var answer = Http.json(response);
                if (answer.getString("action").equals("inserted")) {
                    saved++;
                    assertEquals(storedByText.get(save.text()), answer.getJsonNumber("tid").longValue(), "an answered insert is stored: " + answer);
                    continue;
                }
                assertEquals("error", answer.getString("action"), answer.toString());
                if (answer.getString("message").contains("may have been saved")) {
                    unconfirmed++;
                    if (storedByText.containsKey(save.text())) unconfirmedStored++;
                } else {
                    assertFalse(storedByText.containsKey(save.text()), "a refused save is not stored: " + answer);
                }
            }
            // every stored row is one the saving client was told about: nothing half-saved, nothing unanswered
            assertEquals(2 + saved + unconfirmedStored, stored.size(), "stored: " + stored.keySet());
            for (var client : List.of(ws, lp)) LiveReplica.awaitSameAs(client, channel, stored, client.name(), WITHIN);
            System.out.println("DatabaseOutageIT: " + WRITERS + " writers saved across the stop: " + inFlight.size() + " saves, "
                    + saved + " saved, " + unconfirmed + " not confirmed (" + unconfirmedStored + " of them committed), "
                    + (inFlight.size() - saved - unconfirmed) + " refused; " + duringOutage.size()
                    + " more refused during the outage; 0 lost, 0 half-saved");
        } finally {
            pool.shutdownNow();
        }
    }

    private record Save(String text, HttpResponse<String> answer) {
    }

    private static java.util.function.Predicate<JsonObject> text(String text) {
        return d -> d.getJsonObject("data") != null && text.equals(d.getJsonObject("data").getString("text", ""));
    }
}
