package io.liveupdate.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Save to screen: REST-JSON inserts into a calendar at a fixed rate from {@code savers} clients, each saving one
 * after another (so its commits, and therefore its publications, happen in its save order), received by N subscribers, over Bayeux ({@code /calendars/<name>/update},
 * the legacy live_updates payload) or RemoteEvents ({@code /api/v1}). Latency runs from just before the POST
 * is sent to the subscriber's receipt, so it includes the HTTP save and the PostgreSQL commit.
 */
final class SaveScenario {

    private SaveScenario() {
    }

    static Report run(Options options) throws Exception {
        int count = options.integer("subscribers", 1000);
        double rate = options.decimal("rate", 50);
        double warmup = options.decimal("warmup", 3);
        double duration = options.decimal("duration", 10);
        String via = options.string("via", "bayeux");
        String calendar = options.string("calendar", "bench");
        URI base = options.base();
        URI saves = base.resolve("/api/calendars/" + calendar + "/events");

        var problems = new Problems();
        int savers = options.integer("savers", 10);
        var deliveries = new Deliveries(savers);
        var clients = new Clients(options.integer("clients", 4), options.integer("connect-concurrency", 100));
        List<Runnable> closers = new ArrayList<>();
        clients.open(count, i -> {
            var sink = deliveries.subscriber();
            var opening = "remote".equals(via)
                    ? RemoteEventsSubscriber.open(clients.get(i), base, calendar, options.string("token", "demo-token"), sink, problems)
                            .thenApply(s -> (Runnable) s::close)
                    : WebSocketBayeux.open(clients.get(i), options.webSocketUrl(), "/calendars/" + calendar + "/update", sink, problems)
                            .thenApply(s -> (Runnable) s::close);
            return opening.whenComplete((s, e) -> {
                if (e != null) deliveries.forget(sink);
            });
        }, problems).forEach(closers::add);
        Thread.sleep(500);   // a RemoteEvents subscribe has no reply: let the last ones land

        var measurement = new Measurement(options.pid(), deliveries);
        long warmupEnd = System.nanoTime() + (long) (warmup * 1e9);
        long end = warmupEnd + (long) (duration * 1e9);
        var saved = new AtomicLong();
        var expected = new BitSet();
        var threads = new ArrayList<Thread>();
        for (int k = 0; k < savers; k++) {
            int stream = k;
            var http = clients.get(count + k);
            var saver = new Thread(() -> {
                var pacer = new Pacer(rate / savers);
                for (long sequence = stream; System.nanoTime() < end; sequence += savers) {
                    pacer.await();
                    if (!save(http, saves, sequence, problems)) return;
                    synchronized (expected) {
                        expected.set((int) sequence);
                    }
                    saved.incrementAndGet();
                }
            }, "saver-" + k);
            saver.start();
            threads.add(saver);
        }
        while (System.nanoTime() < warmupEnd) Thread.sleep(10);
        measurement.start(saved.get());
        for (var thread : threads) thread.join();
        measurement.stop(saved.get());
        FanOutScenario.awaitDrain(deliveries, saved.get(), options.decimal("drain", 15));

        var report = new Report().put("scenario", options.string("name", "save")).put("server", options.string("label", "?"))
                .put("transport", "remote".equals(via) ? "remote-events" : "websocket").put("subscribers", deliveries.subscriberCount())
                .put("target_rate", rate);
        measurement.into(report);
        FanOutScenario.finish(report, deliveries, expected, problems);
        closers.forEach(Runnable::run);
        return report;
    }

    private static boolean save(HttpClient http, URI saves, long sequence, Problems problems) {
        String body = "{\"text\":\"" + Probe.marker(sequence, System.nanoTime())
                + "\",\"start_date\":\"2030-01-01 10:00\",\"end_date\":\"2030-01-01 11:00\"}";
        try {
            var response = http.send(HttpRequest.newBuilder(saves).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains("\"inserted\"")) return true;
            problems.add("save refused: " + response.statusCode() + " " + response.body());
        } catch (IOException e) {
            problems.add("save failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
