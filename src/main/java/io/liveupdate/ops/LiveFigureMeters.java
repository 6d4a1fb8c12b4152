package io.liveupdate.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.liveupdate.stream.ListenerStatus;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The live figures as Micrometer meters, named for Prometheus: Micrometer turns {@code liveupdate.messages.received}
 * into {@code liveupdate_messages_received_total} (a counter), a timer into {@code _seconds_count} and
 * {@code _seconds_sum}. Every figure is read when scraped through the same views the MXBeans use, so nothing is
 * added to the hot path. No label names a session, calendar or client: the only labels are the transport and the
 * listener's state (and WildFly's own {@code WF_DEPLOYMENT}).
 *
 * <p>Only function-style registrations ({@code gauge(name, tags, obj, fn)}, {@code more().counter/timer/timeGauge})
 * are used: WildFly 39's per-deployment registry drops meters registered with builders ({@code Gauge.builder(..)
 * .register(registry)}) without a word (WFLY-21339, fixed in 40). Micrometer holds the measured objects weakly, so
 * this object keeps the views alive for as long as it is registered.
 */
final class LiveFigureMeters {

    /** Every meter name starts with this; what {@link MicrometerPublication} removes. */
    static final String PREFIX = "liveupdate.";

    private final SessionsView sessions;
    private final MessagesView messages;
    private final DoorbellView doorbell;
    private final DoorbellHealth doorbellHealth;
    private final LatencyRecorder save;
    private final LatencyRecorder broadcast;

    LiveFigureMeters(SessionsView sessions, MessagesView messages, DoorbellHealth doorbellHealth, OpsMetrics metrics) {
        this.sessions = sessions;
        this.messages = messages;
        this.doorbell = new DoorbellView(doorbellHealth);
        this.doorbellHealth = doorbellHealth;
        this.save = metrics.save();
        this.broadcast = metrics.broadcast();
    }

    void register(MeterRegistry registry) {
        registerSessions(registry);
        registerMessages(registry);
        registerLatency(registry, "save", save);
        registerLatency(registry, "broadcast", broadcast);
        registerDoorbell(registry);
    }

    private void registerSessions(MeterRegistry registry) {
        registry.gauge(PREFIX + "sessions", Tags.of("transport", "websocket"), sessions, SessionsView::getWebSocketSessions);
        registry.gauge(PREFIX + "sessions", Tags.of("transport", "long-polling"), sessions, SessionsView::getLongPollingSessions);
        registry.gauge(PREFIX + "remote.events.connections", Tags.empty(), sessions, SessionsView::getRemoteEventsConnections);
        registry.gauge(PREFIX + "subscriptions", Tags.empty(), sessions, SessionsView::getSubscriptions);
        registry.more().counter(PREFIX + "sessions.opened", Tags.empty(), sessions, SessionsView::getSessionsOpened);
        registry.more().counter(PREFIX + "sessions.closed", Tags.empty(), sessions, SessionsView::getSessionsClosed);
        registry.more().counter(PREFIX + "sessions.cut.loose", Tags.empty(), sessions, SessionsView::getSessionsCutLoose);
    }

    private void registerMessages(MeterRegistry registry) {
        registry.more().counter(PREFIX + "messages.received", Tags.empty(), messages, MessagesView::getReceived);
        registry.more().counter(PREFIX + "messages.delivered", Tags.empty(), messages, MessagesView::getDelivered);
        registry.more().counter(PREFIX + "messages.dropped", Tags.empty(), messages, MessagesView::getDropped);
        registry.gauge(PREFIX + "queued.messages", Tags.empty(), messages, MessagesView::getQueueDepth);
        registry.gauge(PREFIX + "largest.queue.messages", Tags.empty(), messages, MessagesView::getLargestQueue);
        registry.gauge(PREFIX + "queue.bound.messages", Tags.empty(), messages, MessagesView::getQueueBound);
    }

    /** Count and sum over the whole run (rates and means come from them); the recent window's p99 and max besides. */
    private static void registerLatency(MeterRegistry registry, String operation, LatencyRecorder recorder) {
        registry.more().timer(PREFIX + operation, Tags.empty(), recorder, LatencyRecorder::count,
                r -> (double) r.totalNanos(), TimeUnit.NANOSECONDS);
        registry.more().timeGauge(PREFIX + operation + ".recent.p99", Tags.empty(), recorder, TimeUnit.MILLISECONDS,
                r -> r.snapshot().p99Millis());
        registry.more().timeGauge(PREFIX + operation + ".recent.max", Tags.empty(), recorder, TimeUnit.MILLISECONDS,
                r -> r.snapshot().maxMillis());
    }

    private void registerDoorbell(MeterRegistry registry) {
        registry.gauge(PREFIX + "doorbell.up", Tags.empty(), doorbell, d -> d.isUp() ? 1 : 0);
        for (ListenerStatus.Mode mode : ListenerStatus.Mode.values()) {
            registry.gauge(PREFIX + "doorbell.state", Tags.of("state", stateLabel(mode)), doorbellHealth,
                    h -> h.check().status().mode() == mode ? 1 : 0);
        }
        registry.gauge(PREFIX + "doorbell.lag.changes", Tags.empty(), doorbell, DoorbellView::getLagChanges);
        registry.more().timeGauge(PREFIX + "doorbell.last.check.age", Tags.empty(), doorbell, TimeUnit.MILLISECONDS,
                d -> d.getMillisSinceLastCheck() < 0 ? Double.NaN : d.getMillisSinceLastCheck());
    }

    /** As the MXBean and {@code /api/health} say it, in label style: {@code connected}, {@code not_used}, ... */
    static String stateLabel(ListenerStatus.Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
