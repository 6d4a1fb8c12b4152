package io.liveupdate.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * Memory per idle WebSocket session: the server's RSS growth while N sessions are open, subscribed and holding
 * their {@code /meta/connect}, divided by N, and for a JVM server also the live heap's growth after a full GC
 * ({@link HeapUsage}). One message at the end checks that every session is still live.
 */
final class IdleScenario {

    private IdleScenario() {
    }

    static Report run(Options options) throws Exception {
        int count = options.integer("subscribers", 5000);
        String channel = "/bench/idle" + Long.toHexString(System.nanoTime());
        var problems = new Problems();
        var deliveries = new Deliveries();
        var clients = new Clients(options.integer("clients", 4), options.integer("connect-concurrency", 100));

        var heapBefore = HeapUsage.afterFullGc(options.pid());
        var before = ProcessStats.of(options.pid());
        List<Runnable> closers = new ArrayList<>();
        clients.open(count, i -> {
            var sink = deliveries.subscriber();
            return WebSocketBayeux.open(clients.get(i), options.webSocketUrl(), channel, sink, problems)
                    .whenComplete((s, e) -> {
                        if (e != null) deliveries.forget(sink);
                    }).thenApply(s -> (Runnable) s::close);
        }, problems).forEach(closers::add);
        Thread.sleep((long) (options.decimal("settle", 5) * 1000));
        var after = ProcessStats.of(options.pid());
        var heapAfter = HeapUsage.afterFullGc(options.pid());

        var publisher = WebSocketBayeux.open(clients.get(count), options.webSocketUrl(), null, (n, t) -> { }, problems).get();
        deliveries.measureFrom(0);
        publisher.send(BayeuxFrames.publishes(publisher.clientId(), channel, 0, 1));
        FanOutScenario.awaitDrain(deliveries, 1, options.decimal("drain", 30));

        int opened = deliveries.subscriberCount();
        var report = new Report().put("scenario", options.string("name", "idle")).put("server", options.string("label", "?"))
                .put("transport", "websocket").put("subscribers", opened);
        if (before.measured() && after.measured()) {
            report.put("server_rss_before_mb", Report.round(before.rssBytes() / 1048576.0))
                    .put("server_rss_mb", Report.round(after.rssBytes() / 1048576.0))
                    .put("kb_per_session", Report.round((after.rssBytes() - before.rssBytes()) / 1024.0 / Math.max(1, opened)));
        }
        if (heapBefore.isPresent() && heapAfter.isPresent()) {
            report.put("heap_kb_per_session", Report.round((heapAfter.getAsLong() - heapBefore.getAsLong()) / 1024.0 / Math.max(1, opened)));
        }
        report.latency(deliveries.latency());
        FanOutScenario.finish(report, deliveries, 1, problems);
        publisher.close();
        closers.forEach(Runnable::run);
        return report;
    }
}
