package io.liveupdate.ops;

import io.liveupdate.stream.ListenerStatus;
import java.util.function.Function;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * The live figures as MicroProfile Metrics, named so Payara's {@code /metrics?scope=application} reads like WildFly's
 * Prometheus scrape ({@link LiveFigureMeters}): the same series names and labels, plus Payara's {@code mp_scope}.
 *
 * <p>MicroProfile Metrics 5 has no counter or timer that reads a value from a function (its counters only count what
 * {@code inc()} is told, its timers only what they time themselves), and the hot path is to stay as it is. So every
 * figure is a gauge read when scraped: the counters keep their {@code _total} names but are typed {@code gauge}, and
 * a latency's count and sum are two gauges ({@code _seconds_count}, {@code _seconds_sum}) instead of one summary.
 * The registry holds what it reads strongly, so it keeps the views alive until the figures are removed.
 */
final class MicroProfileFigures {

    /** Every metric name starts with this; what {@link MicroProfileMeters} removes. */
    static final String PREFIX = "liveupdate_";

    private final SessionsView sessions;
    private final MessagesView messages;
    private final DoorbellView doorbell;
    private final DoorbellHealth doorbellHealth;
    private final LatencyRecorder save;
    private final LatencyRecorder broadcast;

    MicroProfileFigures(SessionsView sessions, MessagesView messages, DoorbellHealth doorbellHealth, OpsMetrics metrics) {
        this.sessions = sessions;
        this.messages = messages;
        this.doorbell = new DoorbellView(doorbellHealth);
        this.doorbellHealth = doorbellHealth;
        this.save = metrics.save();
        this.broadcast = metrics.broadcast();
    }

    void register(MetricRegistry registry) {
        registerSessions(registry);
        registerMessages(registry);
        registerLatency(registry, "save", save);
        registerLatency(registry, "broadcast", broadcast);
        registerDoorbell(registry);
    }

    private void registerSessions(MetricRegistry registry) {
        gauge(registry, "sessions", sessions, SessionsView::getWebSocketSessions, new Tag("transport", "websocket"));
        gauge(registry, "sessions", sessions, SessionsView::getLongPollingSessions, new Tag("transport", "long-polling"));
        gauge(registry, "remote_events_connections", sessions, SessionsView::getRemoteEventsConnections);
        gauge(registry, "subscriptions", sessions, SessionsView::getSubscriptions);
        gauge(registry, "sessions_opened_total", sessions, SessionsView::getSessionsOpened);
        gauge(registry, "sessions_closed_total", sessions, SessionsView::getSessionsClosed);
        gauge(registry, "sessions_cut_loose_total", sessions, SessionsView::getSessionsCutLoose);
    }

    private void registerMessages(MetricRegistry registry) {
        gauge(registry, "messages_received_total", messages, MessagesView::getReceived);
        gauge(registry, "messages_delivered_total", messages, MessagesView::getDelivered);
        gauge(registry, "messages_dropped_total", messages, MessagesView::getDropped);
        gauge(registry, "queued_messages", messages, MessagesView::getQueueDepth);
        gauge(registry, "largest_queue_messages", messages, MessagesView::getLargestQueue);
        gauge(registry, "queue_bound_messages", messages, MessagesView::getQueueBound);
    }

    private static void registerLatency(MetricRegistry registry, String operation, LatencyRecorder recorder) {
        gauge(registry, operation + "_seconds_count", recorder, LatencyRecorder::count);
        gauge(registry, operation + "_seconds_sum", recorder, r -> r.totalNanos() / 1e9);
        seconds(registry, operation + "_recent_p99", recorder, r -> r.snapshot().p99Millis() / 1e3);
        seconds(registry, operation + "_recent_max", recorder, r -> r.snapshot().maxMillis() / 1e3);
    }

    private void registerDoorbell(MetricRegistry registry) {
        gauge(registry, "doorbell_up", doorbell, d -> d.isUp() ? 1 : 0);
        for (ListenerStatus.Mode mode : ListenerStatus.Mode.values()) {
            gauge(registry, "doorbell_state", doorbellHealth, h -> h.check().status().mode() == mode ? 1 : 0,
                    new Tag("state", LiveFigureMeters.stateLabel(mode)));
        }
        gauge(registry, "doorbell_lag_changes", doorbell, DoorbellView::getLagChanges);
        seconds(registry, "doorbell_last_check_age", doorbell,
                d -> d.getMillisSinceLastCheck() < 0 ? Double.NaN : d.getMillisSinceLastCheck() / 1e3);
    }

    private static <T> void gauge(MetricRegistry registry, String name, T source, Function<T, Number> read, Tag... tags) {
        registry.gauge(Metadata.builder().withName(PREFIX + name).withUnit(MetricUnits.NONE).build(), source, read, tags);
    }

    /** Payara appends the unit to the name: {@code liveupdate_save_recent_p99} is scraped as {@code ..._p99_seconds}. */
    private static <T> void seconds(MetricRegistry registry, String name, T source, Function<T, Number> read) {
        registry.gauge(Metadata.builder().withName(PREFIX + name).withUnit(MetricUnits.SECONDS).build(), source, read);
    }
}
