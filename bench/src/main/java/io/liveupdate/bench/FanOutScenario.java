package io.liveupdate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * N subscribers on one channel and one publisher (over WebSocket): numbered messages at a fixed rate, or, with no
 * rate, as fast as the slowest subscriber keeps up (at most {@code window} messages ahead of it, so no server
 * queue bound is ever hit and the throughput is the one that loses nothing).
 */
final class FanOutScenario {

    private static final int MAX_BATCH = 20;

    private FanOutScenario() {
    }

    static Report run(Options options) throws Exception {
        String transport = options.string("transport", "websocket");
        int count = options.integer("subscribers", 100);
        double rate = options.decimal("rate", 0);
        int window = options.integer("window", 200);
        double warmup = options.decimal("warmup", 3);
        double duration = options.decimal("duration", 10);
        String channel = "/bench/c" + Long.toHexString(System.nanoTime());

        var problems = new Problems();
        var deliveries = new Deliveries();
        var clients = new Clients(options.integer("clients", 4), options.integer("connect-concurrency", 100));
        List<Runnable> closers = new ArrayList<>();
        clients.open(count, i -> {
            var sink = deliveries.subscriber();
            var opening = "long-polling".equals(transport)
                    ? LongPollingBayeux.open(clients.get(i), options.url(), channel, sink, problems).thenApply(s -> (Runnable) s::close)
                    : WebSocketBayeux.open(clients.get(i), options.webSocketUrl(), channel, sink, problems).thenApply(s -> (Runnable) s::close);
            return opening.whenComplete((s, e) -> {
                if (e != null) deliveries.forget(sink);
            });
        }, problems).forEach(closers::add);
        var publisher = WebSocketBayeux.open(clients.get(count), options.webSocketUrl(), null, (n, t) -> { }, problems).get();
        closers.add(publisher::close);

        var measurement = new Measurement(options.pid(), deliveries);
        long warmupEnd = System.nanoTime() + (long) (warmup * 1e9);
        long end = warmupEnd + (long) (duration * 1e9);
        var pacer = rate > 0 ? new Pacer(rate) : null;
        long published = 0;
        for (long now = System.nanoTime(); now < end; now = System.nanoTime()) {
            if (!measurement.started() && now >= warmupEnd) measurement.start(published);
            if (pacer != null) {
                pacer.await();
                publisher.send(BayeuxFrames.publishes(publisher.clientId(), channel, published, 1));
                published++;
            } else {
                long room = window - (published - deliveries.slowest());
                if (room <= 0) {
                    LockSupport.parkNanos(20_000);
                    continue;
                }
                int batch = (int) Math.min(room, MAX_BATCH);
                publisher.send(BayeuxFrames.publishes(publisher.clientId(), channel, published, batch)).join();
                published += batch;
            }
        }
        measurement.stop(published);
        awaitDrain(deliveries, published, options.decimal("drain", 15));

        var report = new Report().put("scenario", options.string("name", "fanout")).put("server", options.string("label", "?"))
                .put("transport", transport).put("subscribers", deliveries.subscriberCount())
                .put("target_rate", rate > 0 ? rate : "max");
        measurement.into(report);
        finish(report, deliveries, published, problems);
        closers.forEach(Runnable::run);
        return report;
    }

    /** Waits until every subscriber has every message, or the time is up (then the rest counts as lost). */
    static void awaitDrain(Deliveries deliveries, long published, double seconds) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        while (deliveries.slowest() < published && System.nanoTime() < deadline) LockSupport.parkNanos(10_000_000);
    }

    static void finish(Report report, Deliveries deliveries, long published, Problems problems) {
        var expected = new java.util.BitSet();
        expected.set(0, (int) published);
        finish(report, deliveries, expected, problems);
    }

    static void finish(Report report, Deliveries deliveries, java.util.BitSet expected, Problems problems) {
        long published = expected.cardinality();
        report.put("messages", published).put("lost", deliveries.lost(expected)).put("duplicates", deliveries.duplicates())
                .put("reordered", deliveries.reordered()).put("problems", problems.count())
                .put("load_avg", ProcessStats.loadAverage());
        problems.first().forEach(p -> System.err.println("  problem: " + p));
    }
}
