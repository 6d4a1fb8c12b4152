package io.liveupdate.remote;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.calendar.EventChanged;
import io.liveupdate.calendar.EventChanged.Kind;
import io.liveupdate.calendar.EventView;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The registry without a container: fan-out by calendar, slow subscribers, heartbeats. */
class RemoteRegistryTest {

    private final CalendarLog log = new CalendarLog();
    private final RemoteRegistry registry = registry(3);

    @Test
    void startIsTheFirstFrameOfEveryConnection() {
        var peer = new FakePeer();
        var connection = registry.open(peer, "team", null, OptionalLong.empty());

        assertEquals(List.of(RemotePayload.start(connection.id())), peer.written);
    }

    @Test
    void aChangeReachesTheSubscribersOfItsCalendarOnly() {
        var teamSubscriber = new FakePeer();
        var otherCalendar = new FakePeer();
        var notSubscribed = new FakePeer();
        registry.subscribe(registry.open(teamSubscriber, "team", null, OptionalLong.empty()));
        registry.subscribe(registry.open(otherCalendar, "other", null, OptionalLong.empty()));
        registry.open(notSubscribed, "team", null, OptionalLong.empty());

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
        var a = registry.open(unsubscribed, "team", null, OptionalLong.empty());
        var b = registry.open(closed, "team", null, OptionalLong.empty());
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
        registry.subscribe(registry.open(stuck, "team", null, OptionalLong.empty())); // its start frame never completes
        registry.subscribe(registry.open(healthy, "team", null, OptionalLong.empty()));

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
        var a = registry.open(answering, "team", null, OptionalLong.empty());
        registry.open(silent, "team", null, OptionalLong.empty());

        registry.heartbeat();
        a.alive(); // its pong
        registry.heartbeat();

        assertEquals(2, answering.pings);
        assertEquals(0, answering.closeCode);
        assertEquals(1, silent.pings);
        assertEquals(RemotePeer.GOING_AWAY, silent.closeCode);
        assertEquals(1, registry.connectionCount());
    }

    @Test
    void aPageThatReconnectsWithItsKeyGetsWhatItMissedInOrderThenTheLiveChanges() {
        var registry = registry(100);
        var first = new FakePeer();
        var page = registry.open(first, "team", "page-1", OptionalLong.of(0));
        registry.subscribe(page);
        committed(registry, 1);
        committed(registry, 2);
        registry.closed(page); // the network drops

        committed(registry, 3); // while it is away
        var firedLate = log.commit(change("team", 4)); // committed, not fired yet
        var again = new FakePeer();
        registry.subscribe(registry.open(again, "team", "page-1", OptionalLong.of(0)));
        registry.onChange(firedLate); // the replay had it: not sent twice
        committed(registry, 5);

        assertEquals(List.of("e1", "e2"), texts(first));
        assertEquals(List.of("e3", "e4", "e5"), texts(again), "the missed ones, in order, then the live one");
    }

    @Test
    void aPageTheServerHasForgottenIsCaughtUpFromWhereItsHandshakeLeftIt() {
        var registry = registry(100);
        for (long id = 1; id <= 4; id++) committed(registry, id);
        var peer = new FakePeer();

        registry.subscribe(registry.open(peer, "team", "page-2", OptionalLong.of(1)));

        assertEquals(List.of("e2", "e3", "e4"), texts(peer));
    }

    @Test
    void aPageThatMissedTooManyToSendGetsNoneOfThemButEveryLiveChangeAfter() {
        var registry = registry(4); // at most 2 changes replayed
        for (long id = 1; id <= 5; id++) committed(registry, id);
        var peer = new FakePeer();

        registry.subscribe(registry.open(peer, "team", "page-3", OptionalLong.of(2)));
        committed(registry, 6);

        assertEquals(List.of("e6"), texts(peer), "the 7.2 client cannot be told to reload: it carries on from now");
    }

    @Test
    void aPageAheadOfTheLogCarriesOnFromWhereTheLogStands() {
        var registry = registry(100);
        for (long id = 1; id <= 3; id++) committed(registry, id);
        var peer = new FakePeer();

        registry.subscribe(registry.open(peer, "team", "page-4", OptionalLong.of(9))); // a key from before a restore
        committed(registry, 4);

        assertEquals(List.of("e4"), texts(peer));
    }

    @Test
    void aConnectionWithoutAKeyGetsLiveChangesOnly() {
        var registry = registry(100);
        committed(registry, 1);
        var peer = new FakePeer();

        registry.subscribe(registry.open(peer, "team", null, OptionalLong.empty()));
        committed(registry, 2);

        assertEquals(List.of("e2"), texts(peer));
    }

    @Test
    void liveChangesDuringAReplayWaitAndFollowItOnce() {
        var peer = new FakePeer();
        var connection = new RemoteConnection("c", RemoteTarget.calendar("team"), "page", OptionalLong.empty(), peer, 100, (c, reason) -> { });
        connection.holdLive();
        connection.sendChange(6, "live 6");
        connection.sendChange(7, "live 7");
        connection.replayFrom(3);
        connection.sendReplayed(4, "replayed 4");
        connection.sendReplayed(5, "replayed 5");
        connection.sendReplayed(6, "replayed 6");
        connection.releaseLive(6);
        connection.sendChange(5, "live 5, fired late");

        assertEquals(List.of("replayed 4", "replayed 5", "replayed 6", "live 7"), peer.written);
        assertEquals(7, connection.upTo());
    }

    private RemoteRegistry registry(int maxQueued) {
        return TestRegistries.of(log, maxQueued, new InMemoryPositions(), Runnable::run);
    }

    /** A change of calendar "team" committed (numbered in the log) and fired. */
    private EventChanged committed(RemoteRegistry registry, long id) {
        var change = log.commit(change("team", id));
        registry.onChange(change);
        return change;
    }

    /** The texts of the events a peer was sent, in order. */
    private static List<String> texts(FakePeer peer) {
        return peer.written.stream().filter(frame -> frame.contains("\"event\":{")).map(frame -> {
            try (var reader = Json.createReader(new StringReader(frame))) {
                return reader.readObject().getJsonObject("body").getJsonObject("value").getJsonObject("event").getString("text");
            }
        }).toList();
    }

    private static EventChanged change(String calendar, long id) {
        var at = LocalDateTime.of(2025, 4, 1, 9, 0);
        return new EventChanged(Kind.INSERTED, new EventView(id, calendar, at, at.plusHours(1), "e" + id, null, null, null,
                null, false, null, null, null, JsonValue.EMPTY_JSON_OBJECT, 1), null);
    }
}
