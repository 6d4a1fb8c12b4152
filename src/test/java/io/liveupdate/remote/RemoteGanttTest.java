package io.liveupdate.remote;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.calendar.EventChanged;
import io.liveupdate.calendar.EventChanged.Kind;
import io.liveupdate.calendar.EventView;
import io.liveupdate.gantt.GanttChanged;
import io.liveupdate.gantt.GanttChanges;
import io.liveupdate.json.Json;
import io.liveupdate.persistence.ChangeLog;
import io.liveupdate.persistence.LoggedChange;
import io.liveupdate.persistence.StreamHead;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Gantt's RemoteEvents without a container: a chart's page ({@code ?gantt=<name>}) gets its chart's task and link
 * changes on the entities {@code tasks} and {@code links}, and is caught up from the chart's stream like a calendar.
 */
class RemoteGanttTest {

    private final ChartLog log = new ChartLog();
    private final RemoteRegistry registry = registry();

    @Test
    void aChartPageGetsItsTasksAndLinksOnTheirEntitiesAndNothingOfOtherChartsOrTheSameNamedCalendar() {
        var peer = new FakePeer();
        var page = registry.open(peer, RemoteTarget.gantt("plan"), null, OptionalLong.empty());
        assertTrue(page.subscribeTo("tasks"));
        registry.subscribe(page);
        assertFalse(page.subscribeTo("links"), "one stream: the second entity starts nothing again");
        assertFalse(page.subscribeTo("events"), "not an entity of a chart");

        committed("plan", add("task", 7).add("sid", "1712").build());
        committed("other", add("task", 8).build());
        var at = LocalDateTime.of(2025, 4, 1, 9, 0);
        registry.onChange(new EventChanged(Kind.INSERTED, new EventView(1L, "plan", at, at.plusHours(1), "e", null, null, null, null,
                false, null, null, null, JsonValue.EMPTY_JSON_OBJECT, 1), null, 1)); // the calendar "plan"
        committed("plan", Json.createObjectBuilder().add("type", "add-link").add("link", Json.createObjectBuilder().add("id", 3)
                .add("source", 7).add("target", 9).add("type", "0")).build());

        var frames = events(peer);
        assertEquals(2, frames.size(), frames.toString());
        assertEquals("tasks", frames.get(0).getString("name"));
        var task = frames.get(0).getJsonObject("value");
        assertEquals("add-task", task.getString("type"));
        assertEquals(7, task.getJsonObject("task").getInt("id"));
        assertEquals("1712", task.getString("sid"), "the value as numbered, as Faye pages get it");
        assertEquals("links", frames.get(1).getString("name"));
        assertEquals("add-link", frames.get(1).getJsonObject("value").getString("type"));
    }

    @Test
    void aChartPageThatReconnectsWithItsKeyGetsWhatItMissedOnceInOrderThenTheLiveChanges() {
        var first = new FakePeer();
        var page = registry.open(first, RemoteTarget.gantt("plan"), "page-1", OptionalLong.of(0));
        subscribeBoth(page);
        committed("plan", add("task", 1).build());
        registry.closed(page); // the network drops

        committed("plan", add("task", 2).build()); // while it is away
        committed("plan", Json.createObjectBuilder().add("type", "delete-task").add("task", Json.createObjectBuilder().add("id", 1)).build());
        var again = new FakePeer();
        subscribeBoth(registry.open(again, RemoteTarget.gantt("plan"), "page-1", OptionalLong.of(0)));
        committed("plan", add("task", 3).build());

        assertEquals(List.of("add-task 1"), summary(first));
        assertEquals(List.of("add-task 2", "delete-task 1", "add-task 3"), summary(again), "the missed ones, once, then the live one");
    }

    @Test
    void aChartPageTheServerForgotIsCaughtUpFromItsHandshakesPosition() {
        committed("plan", add("task", 1).build());
        committed("plan", add("task", 2).build());
        var peer = new FakePeer();

        subscribeBoth(registry.open(peer, RemoteTarget.gantt("plan"), "page-2", OptionalLong.of(1)));

        assertEquals(List.of("add-task 2"), summary(peer));
    }

    @Test
    void theUrlNamesACalendarOrAChartNeverBoth() {
        assertEquals(RemoteTarget.calendar("default"), RemoteTarget.of(null, null));
        assertEquals(RemoteTarget.calendar("team"), RemoteTarget.of("team", null));
        assertEquals(RemoteTarget.gantt("plan"), RemoteTarget.of(null, "plan"));
        assertEquals("gantt:plan", RemoteTarget.of(null, "plan").resource(), "the grant a chart's page needs");
        assertEquals(GanttChanges.streamOf("plan"), RemoteTarget.gantt("plan").stream());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RemoteTarget.of("team", "plan")).getMessage().contains("not both"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RemoteTarget.of(null, "no spaces")).getMessage().contains("gantt names"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RemoteTarget.of("a.b", null)).getMessage().contains("calendar names"));
    }

    @Test
    void aKeysPositionOnAChartIsStoredApartFromItsPositionOnTheCalendarOfTheSameName() {
        var onCalendar = PageAtCalendar.of("key-1", RemoteTarget.calendar("plan"));
        var onChart = PageAtCalendar.of("key-1", RemoteTarget.gantt("plan"));

        assertEquals(PageAtCalendar.of("key-1", "plan"), onCalendar, "calendars' stored rows are unchanged");
        assertNotEquals(onCalendar, onChart);
        assertEquals(43, onChart.page().length(), "fits the table's column");
        assertEquals("plan", onChart.calendar());
    }

    private void subscribeBoth(RemoteConnection page) {
        if (page.subscribeTo("tasks")) registry.subscribe(page);
        if (page.subscribeTo("links")) registry.subscribe(page);
    }

    private void committed(String gantt, JsonObject message) {
        registry.onGanttChange(log.commit(gantt, message));
    }

    private static JsonObjectBuilder add(String entity, long id) {
        return Json.createObjectBuilder().add("type", "add-" + entity).add(entity, Json.createObjectBuilder().add("id", id).add("text", "t" + id));
    }

    /** The bodies of the event frames a peer was sent. */
    private static List<JsonObject> events(FakePeer peer) {
        return peer.written.stream().map(RemoteGanttTest::parse).filter(f -> f.getString("action").equals("event"))
                .map(f -> f.getJsonObject("body")).toList();
    }

    private static List<String> summary(FakePeer peer) {
        return events(peer).stream().map(body -> {
            var value = body.getJsonObject("value");
            var item = value.containsKey("task") ? value.getJsonObject("task") : value.getJsonObject("link");
            return value.getString("type") + " " + item.getInt("id");
        }).toList();
    }

    private static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private RemoteRegistry registry() {
        return TestRegistries.of(log, 100, new InMemoryPositions(), Runnable::run);
    }

    /** Every chart's stream in memory, each numbered from 1, every change kept, no epoch. */
    private static final class ChartLog extends ChangeLog {

        private final Map<String, List<LoggedChange>> streams = new HashMap<>();

        synchronized GanttChanged commit(String gantt, JsonObject message) {
            var stream = streams.computeIfAbsent(GanttChanges.streamOf(gantt), s -> new ArrayList<>());
            var change = new LoggedChange(GanttChanges.streamOf(gantt), stream.size() + 1, message);
            stream.add(change);
            return new GanttChanged(gantt, change.seq(), message, null);
        }

        private List<LoggedChange> of(String stream) {
            return streams.getOrDefault(stream, List.of());
        }

        @Override
        public synchronized StreamHead head(String stream) {
            return new StreamHead(of(stream).size(), null);
        }

        @Override
        public synchronized OptionalLong firstKept(String stream) {
            return of(stream).isEmpty() ? OptionalLong.empty() : OptionalLong.of(1);
        }

        @Override
        public synchronized List<LoggedChange> after(String stream, long seq, int limit) {
            var changes = of(stream);
            return List.copyOf(changes.subList((int) Math.min(seq, changes.size()), (int) Math.min(changes.size(), seq + limit)));
        }
    }
}
