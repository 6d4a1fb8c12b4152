package io.liveupdate.ops;

import io.liveupdate.stream.ListenerStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every live figure a scrape shows, once: its name, what it is, its labels and how it is read (when scraped, through
 * the same views the MXBeans use, so nothing is added to the hot path). Each registry writes the catalogue in its
 * own terms: {@link LiveFigureMeters} for Micrometer (WildFly), {@link MicroProfileFigures} for MicroProfile Metrics
 * (Payara), so both scrapes list the same series. No label names a session, calendar or client: the only labels are
 * the transport and the listener's state.
 */
final class LiveFigures {

    /** What a figure is, which decides how each registry writes it. */
    enum Kind {
        /** A value now. */
        GAUGE,
        /** A count over the whole run ({@code _total}). */
        COUNTER,
        /** A duration now, read in milliseconds (NaN when unknown). */
        MILLIS,
        /** A latency's count ({@link LiveFigure#read}) and total in nanoseconds ({@link LiveFigure#totalNanos}). */
        TIMER
    }

    /**
     * @param name dotted, without the prefix: {@code sessions.opened}
     * @param labels at most one, in the order written
     * @param totalNanos for a {@link Kind#TIMER} only, null otherwise
     */
    record LiveFigure(String name, Kind kind, Map<String, String> labels, Supplier<Number> read, Supplier<Number> totalNanos) {
    }

    private final List<LiveFigure> figures = new ArrayList<>();

    LiveFigures(LiveViews views) {
        sessions(views.sessions());
        messages(views.messages());
        latency("save", views.metrics().save());
        latency("broadcast", views.metrics().broadcast());
        doorbell(views.doorbell(), views.doorbellHealth());
    }

    /** Held by each registry's writer for as long as it is registered: Micrometer holds what it reads only weakly. */
    List<LiveFigure> all() {
        return figures;
    }

    private void sessions(SessionsView sessions) {
        add("sessions", Kind.GAUGE, Map.of("transport", "websocket"), sessions::getWebSocketSessions);
        add("sessions", Kind.GAUGE, Map.of("transport", "long-polling"), sessions::getLongPollingSessions);
        add("remote.events.connections", Kind.GAUGE, Map.of(), sessions::getRemoteEventsConnections);
        add("subscriptions", Kind.GAUGE, Map.of(), sessions::getSubscriptions);
        add("sessions.opened", Kind.COUNTER, Map.of(), sessions::getSessionsOpened);
        add("sessions.closed", Kind.COUNTER, Map.of(), sessions::getSessionsClosed);
        add("sessions.cut.loose", Kind.COUNTER, Map.of(), sessions::getSessionsCutLoose);
    }

    private void messages(MessagesView messages) {
        add("messages.received", Kind.COUNTER, Map.of(), messages::getReceived);
        add("messages.delivered", Kind.COUNTER, Map.of(), messages::getDelivered);
        add("messages.dropped", Kind.COUNTER, Map.of(), messages::getDropped);
        add("queued.messages", Kind.GAUGE, Map.of(), messages::getQueueDepth);
        add("largest.queue.messages", Kind.GAUGE, Map.of(), messages::getLargestQueue);
        add("queue.bound.messages", Kind.GAUGE, Map.of(), messages::getQueueBound);
    }

    /** Count and sum over the whole run (rates and means come from them); the recent window's p99 and max besides. */
    private void latency(String operation, LatencyRecorder recorder) {
        figures.add(new LiveFigure(operation, Kind.TIMER, Map.of(), recorder::count, recorder::totalNanos));
        add(operation + ".recent.p99", Kind.MILLIS, Map.of(), () -> recorder.snapshot().p99Millis());
        add(operation + ".recent.max", Kind.MILLIS, Map.of(), () -> recorder.snapshot().maxMillis());
    }

    private void doorbell(DoorbellView doorbell, DoorbellHealth health) {
        add("doorbell.up", Kind.GAUGE, Map.of(), () -> doorbell.isUp() ? 1 : 0);
        for (ListenerStatus.Mode mode : ListenerStatus.Mode.values()) {
            add("doorbell.state", Kind.GAUGE, Map.of("state", stateLabel(mode)), () -> health.check().status().mode() == mode ? 1 : 0);
        }
        add("doorbell.lag.changes", Kind.GAUGE, Map.of(), doorbell::getLagChanges);
        add("doorbell.last.check.age", Kind.MILLIS, Map.of(),
                () -> doorbell.getMillisSinceLastCheck() < 0 ? Double.NaN : doorbell.getMillisSinceLastCheck());
    }

    private void add(String name, Kind kind, Map<String, String> labels, Supplier<Number> read) {
        figures.add(new LiveFigure(name, kind, labels, read, null));
    }

    /** As the MXBean and {@code /api/health} say it, in label style: {@code connected}, {@code not_used}, ... */
    static String stateLabel(ListenerStatus.Mode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }
}
