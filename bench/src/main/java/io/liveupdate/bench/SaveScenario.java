package io.liveupdate.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Save to screen: REST-JSON inserts into a calendar at a fixed rate from {@code savers} clients ({@link Savers}),
 * received by N subscribers, over Bayeux ({@code /calendars/<name>/update}, the legacy live_updates payload) or
 * RemoteEvents ({@code /api/v1}). Latency runs from just before the POST is sent to the subscriber's receipt, so it
 * includes the HTTP save and the PostgreSQL commit; the saves' own round trips are reported too.
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
        int saverCount = options.integer("savers", 10);
        var deliveries = new Deliveries(saverCount);
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
        var savers = new Savers(clients, count, saverCount, rate, sequence -> saves, problems);
        savers.start(warmupEnd, end);
        while (System.nanoTime() < warmupEnd) Thread.sleep(10);
        measurement.start(savers.saved());
        savers.join();
        measurement.stop(savers.saved());
        FanOutScenario.awaitDrain(deliveries, savers.saved(), options.decimal("drain", 15));

        var report = new Report().put("scenario", options.string("name", "save")).put("server", options.string("label", "?"))
                .put("transport", "remote".equals(via) ? "remote-events" : "websocket").put("subscribers", deliveries.subscriberCount())
                .put("target_rate", rate);
        measurement.into(report);
        savers.into(report);
        FanOutScenario.finish(report, deliveries, savers.expected(), problems);
        closers.forEach(Runnable::run);
        return report;
    }
}
