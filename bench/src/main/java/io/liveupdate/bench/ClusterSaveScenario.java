package io.liveupdate.bench;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Save to screen across a cluster: N Bayeux WebSocket subscribers spread evenly over the nodes (subscriber i on node
 * i mod nodes), and {@link Savers} whose saves alternate between the nodes (each saver's next save goes through the
 * next node, the savers starting on different nodes), so every saver's order is checked across nodes. The latency of
 * each message is recorded twice: overall, and as seen on the node that saved it or on another node, whose
 * difference is what the change log's doorbell and the log read add.
 *
 * <pre>
 * cluster-save --urls http://127.0.0.1:8780/sync,http://127.0.0.1:8830/sync --pids 123,456 --subscribers 1000 --rate 50
 * </pre>
 */
final class ClusterSaveScenario {

    private ClusterSaveScenario() {
    }

    static Report run(Options options) throws Exception {
        List<URI> urls = Arrays.stream(options.required("urls").split(",")).map(URI::create).toList();
        long[] pids = Arrays.stream(options.string("pids", "").split(",")).filter(p -> !p.isBlank()).mapToLong(Long::parseLong).toArray();
        int nodes = urls.size();
        int count = options.integer("subscribers", 1000);
        double rate = options.decimal("rate", 50);
        double warmup = options.decimal("warmup", 3);
        double duration = options.decimal("duration", 10);
        String calendar = options.string("calendar", "bench");
        String channel = "/calendars/" + calendar + "/update";
        int saverCount = options.integer("savers", 10);

        var problems = new Problems();
        var deliveries = new Deliveries(saverCount);
        var sameNode = new LatencyHistogram();
        var otherNode = new LatencyHistogram();
        var clients = new Clients(options.integer("clients", 4), options.integer("connect-concurrency", 100));
        List<Runnable> closers = new ArrayList<>();
        clients.open(count, i -> {
            int node = i % nodes;
            var sink = deliveries.subscriber(sequence -> savedThrough(sequence, saverCount, nodes) == node ? sameNode : otherNode);
            return WebSocketBayeux.open(clients.get(i), webSocket(urls.get(node)), channel, sink, problems)
                    .thenApply(s -> (Runnable) s::close)
                    .whenComplete((s, e) -> {
                        if (e != null) deliveries.forget(sink);
                    });
        }, problems).forEach(closers::add);

        var measurement = new Measurement(0, deliveries);
        long warmupEnd = System.nanoTime() + (long) (warmup * 1e9);
        long end = warmupEnd + (long) (duration * 1e9);
        var savers = new Savers(clients, count, saverCount, rate,
                sequence -> saves(urls.get(savedThrough(sequence, saverCount, nodes)), calendar), problems);
        savers.start(warmupEnd, end);
        while (System.nanoTime() < warmupEnd) Thread.sleep(10);
        var cpuBefore = cpu(pids);
        long measuredFrom = System.nanoTime();
        measurement.start(savers.saved());
        savers.join();
        measurement.stop(savers.saved());
        double seconds = (System.nanoTime() - measuredFrom) / 1e9;
        var cpuAfter = cpu(pids);
        FanOutScenario.awaitDrain(deliveries, savers.saved(), options.decimal("drain", 15));

        var report = new Report().put("scenario", options.string("name", "cluster-save")).put("server", options.string("label", "cluster"))
                .put("transport", "websocket").put("nodes", nodes).put("subscribers", deliveries.subscriberCount())
                .put("target_rate", rate);
        measurement.into(report);
        report.latency("same_node_", sameNode).latency("other_node_", otherNode)
                .put("other_minus_same_p50_ms", Report.round(otherNode.percentileMillis(0.50) - sameNode.percentileMillis(0.50)))
                .put("other_minus_same_p99_ms", Report.round(otherNode.percentileMillis(0.99) - sameNode.percentileMillis(0.99)));
        savers.into(report);
        for (int n = 0; n < pids.length; n++) {
            if (cpuBefore[n].measured() && cpuAfter[n].measured()) {
                report.put("node" + (n + 1) + "_cpu_cores", Report.round((cpuAfter[n].cpuNanos() - cpuBefore[n].cpuNanos()) / 1e9 / seconds));
            }
        }
        FanOutScenario.finish(report, deliveries, savers.expected(), problems);
        closers.forEach(Runnable::run);
        return report;
    }

    /** Saver k (of numbers k, k+savers...) saves its i-th event through node (i + k) mod nodes. */
    static int savedThrough(long sequence, int savers, int nodes) {
        return (int) ((sequence / savers + sequence % savers) % nodes);
    }

    private static URI webSocket(URI url) {
        return URI.create(url.toString().replaceFirst("^http", "ws"));
    }

    private static URI saves(URI url, String calendar) {
        return url.resolve("/api/calendars/" + calendar + "/events");
    }

    private static ProcessStats[] cpu(long[] pids) {
        var stats = new ProcessStats[pids.length];
        for (int n = 0; n < pids.length; n++) stats[n] = ProcessStats.of(pids[n]);
        return stats;
    }
}
