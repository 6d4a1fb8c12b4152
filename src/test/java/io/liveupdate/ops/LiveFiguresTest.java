package io.liveupdate.ops;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.bayeux.BayeuxFigures;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

/**
 * The live figures under both registries' names: what a Prometheus scrape of WildFly (Micrometer) and of Payara
 * (MicroProfile Metrics) lists, series by series, and that they read the same views.
 */
class LiveFiguresTest {

    private final LiveFigures figures = new LiveFigures(views());

    private static LiveViews views() {
        var views = new LiveViews();
        views.bayeux = new FixedBayeux();
        views.remote = () -> 2;
        views.metrics = new OpsMetrics();
        views.doorbell = new DoorbellHealth();
        return views;
    }

    @Test
    void micrometerGetsEveryFigureOnceUnderItsPrometheusName() {
        var registry = new SimpleMeterRegistry();
        new LiveFigureMeters(figures).register(registry);

        List<String> meters = registry.getMeters().stream().map(LiveFiguresTest::describe).sorted().toList();
        assertEquals(List.of(
                "COUNTER liveupdate.messages.delivered", "COUNTER liveupdate.messages.dropped", "COUNTER liveupdate.messages.received",
                "COUNTER liveupdate.sessions.closed", "COUNTER liveupdate.sessions.cut.loose", "COUNTER liveupdate.sessions.opened",
                "GAUGE liveupdate.doorbell.lag.changes", "GAUGE liveupdate.doorbell.last.check.age",
                "GAUGE liveupdate.doorbell.state{state=connected}", "GAUGE liveupdate.doorbell.state{state=connecting}",
                "GAUGE liveupdate.doorbell.state{state=not_used}", "GAUGE liveupdate.doorbell.state{state=reconnecting}",
                "GAUGE liveupdate.doorbell.up", "GAUGE liveupdate.largest.queue.messages", "GAUGE liveupdate.queue.bound.messages",
                "GAUGE liveupdate.queued.messages", "GAUGE liveupdate.remote.events.connections",
                "GAUGE liveupdate.sessions{transport=long-polling}", "GAUGE liveupdate.sessions{transport=websocket}",
                "GAUGE liveupdate.subscriptions",
                "GAUGE liveupdate.broadcast.recent.max", "GAUGE liveupdate.broadcast.recent.p99",
                "GAUGE liveupdate.save.recent.max", "GAUGE liveupdate.save.recent.p99",
                "TIMER liveupdate.broadcast", "TIMER liveupdate.save").stream().sorted().toList(), meters);
        assertEquals(3, registry.get("liveupdate.sessions").tag("transport", "websocket").gauge().value());
        assertEquals(2, registry.get("liveupdate.remote.events.connections").gauge().value());
    }

    @Test
    void microProfileMetricsGetsTheSameSeriesAsGauges() {
        List<String> registered = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        var registry = (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {MetricRegistry.class},
                (proxy, method, args) -> {
                    if (!method.getName().equals("gauge") || !(args[0] instanceof Metadata metadata)) throw new UnsupportedOperationException(method.toString());
                    String tags = Arrays.stream((Tag[]) args[3]).map(t -> t.getTagName() + "=" + t.getTagValue()).collect(Collectors.joining(","));
                    registered.add(metadata.getName() + (tags.isEmpty() ? "" : "{" + tags + "}") + " " + metadata.unit().orElse("none"));
                    if (metadata.getName().equals("liveupdate_sessions") && tags.equals("transport=websocket")) {
                        values.add(read(args[2], args[1]));
                    }
                    return null;
                });
        new MicroProfileFigures(figures).register(registry);

        assertEquals(List.of(
                "liveupdate_broadcast_recent_max seconds", "liveupdate_broadcast_recent_p99 seconds",
                "liveupdate_broadcast_seconds_count none", "liveupdate_broadcast_seconds_sum none",
                "liveupdate_doorbell_lag_changes none", "liveupdate_doorbell_last_check_age seconds",
                "liveupdate_doorbell_state{state=connected} none", "liveupdate_doorbell_state{state=connecting} none",
                "liveupdate_doorbell_state{state=not_used} none", "liveupdate_doorbell_state{state=reconnecting} none",
                "liveupdate_doorbell_up none", "liveupdate_largest_queue_messages none", "liveupdate_messages_delivered_total none",
                "liveupdate_messages_dropped_total none", "liveupdate_messages_received_total none", "liveupdate_queue_bound_messages none",
                "liveupdate_queued_messages none", "liveupdate_remote_events_connections none",
                "liveupdate_save_recent_max seconds", "liveupdate_save_recent_p99 seconds",
                "liveupdate_save_seconds_count none", "liveupdate_save_seconds_sum none",
                "liveupdate_sessions_closed_total none", "liveupdate_sessions_cut_loose_total none",
                "liveupdate_sessions_opened_total none", "liveupdate_sessions{transport=long-polling} none",
                "liveupdate_sessions{transport=websocket} none", "liveupdate_subscriptions none"), registered.stream().sorted().toList());
        assertEquals(List.of(3.0), values.stream().map(v -> ((Number) v).doubleValue()).toList());
    }

    @SuppressWarnings("unchecked")
    private static Object read(Object function, Object source) {
        return ((Function<Object, Number>) function).apply(source);
    }

    private static String describe(Meter meter) {
        var id = meter.getId();
        String tags = id.getTags().stream().map(t -> t.getKey() + "=" + t.getValue()).collect(Collectors.joining(","));
        return id.getType() + " " + id.getName() + (tags.isEmpty() ? "" : "{" + tags + "}");
    }

    /** Three of everything. */
    private static final class FixedBayeux implements BayeuxFigures {
        public int sessions() { return 3; }
        public int pushedSessions() { return 3; }
        public int pollingSessions() { return 3; }
        public long subscriptions() { return 3; }
        public long queuedMessages() { return 3; }
        public int largestQueue() { return 3; }
        public int queueBound() { return 3; }
    }
}
