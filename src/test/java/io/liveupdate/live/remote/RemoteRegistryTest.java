package io.liveupdate.live.remote;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.calendar.EventChanged;
import io.liveupdate.calendar.EventChanged.Kind;
import io.liveupdate.calendar.EventView;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The registry without a container: fan-out by calendar, slow subscribers, heartbeats. */
class RemoteRegistryTest {

    private final RemoteRegistry registry = registry(3);

    @Test
    void startIsTheFirstFrameOfEveryConnection() {
        var peer = new FakePeer();
        var connection = registry.open(peer, "team");

        assertEquals(List.of(RemotePayload.start(connection.id())), peer.written);
    }

    @Test
    void aChangeReachesTheSubscribersOfItsCalendarOnly() {
        var teamSubscriber = new FakePeer();
        var otherCalendar = new FakePeer();
        var notSubscribed = new FakePeer();
        registry.subscribe(registry.open(teamSubscriber, "team"));
        registry.subscribe(registry.open(otherCalendar, "other"));
        registry.open(notSubscribed, "team");

        registry.onChange(change("team", 1L));

        assertEquals(2, teamSubscriber.written.size());
        assertTrue(teamSubscriber.written.get(1).contains("\"add-event\""));
        assertEquals(1, otherCalendar.written.size(), "start only");
        assertEquals(1, notSubscribed.written.size(), "start only");
    }

    @Test
    void unsubscribeAndCloseStopDelivery() {
        var unsubscribed = new FakePeer();
        var closed = new FakePeer();
        var a = registry.open(unsubscribed, "team");
        var b = registry.open(closed, "team");
        registry.subscribe(a);
        registry.subscribe(b);

        registry.unsubscribe(a);
        registry.closed(b);
        registry.onChange(change("team", 1L));

        assertEquals(1, unsubscribed.written.size());
        assertEquals(1, closed.written.size());
        assertEquals(1, registry.connectionCount());
    }

    @Test
    void aSubscriberThatFallsBehindIsClosedAndTheOthersStillGetEverything() {
        var stuck = FakePeer.holding();
        var healthy = new FakePeer();
        registry.subscribe(registry.open(stuck, "team")); // its start frame never completes
        registry.subscribe(registry.open(healthy, "team"));

        for (long id = 1; id <= 5; id++) registry.onChange(change("team", id));

        assertEquals(RemotePeer.TRY_AGAIN_LATER, stuck.closeCode);
        assertEquals("too far behind: 3 messages waiting", stuck.closeReason);
        assertEquals(6, healthy.written.size(), "start and all five changes");
        assertEquals(1, registry.connectionCount(), "the stuck connection is forgotten");
    }

    @Test
    void aPeerThatDoesNotAnswerAPingIsClosedAtTheNextHeartbeat() {
        var answering = new FakePeer();
        var silent = new FakePeer();
        var a = registry.open(answering, "team");
        registry.open(silent, "team");

        registry.heartbeat();
        a.alive(); // its pong
        registry.heartbeat();

        assertEquals(2, answering.pings);
        assertEquals(0, answering.closeCode);
        assertEquals(1, silent.pings);
        assertEquals(RemotePeer.GOING_AWAY, silent.closeCode);
        assertEquals(1, registry.connectionCount());
    }

    private static RemoteRegistry registry(int maxQueued) {
        var settings = new RemoteSettings();
        settings.maxQueuedMessages = maxQueued;
        settings.pingIntervalSeconds = 30;
        var registry = new RemoteRegistry();
        registry.settings = settings;
        registry.closer = Runnable::run;
        return registry;
    }

    private static EventChanged change(String calendar, long id) {
        var at = LocalDateTime.of(2025, 4, 1, 9, 0);
        return new EventChanged(Kind.INSERTED, new EventView(id, calendar, at, at.plusHours(1), "e" + id, null, null, null,
                null, false, null, null, null, JsonValue.EMPTY_JSON_OBJECT, 1), null);
    }
}
