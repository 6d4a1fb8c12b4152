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
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/**
 * Pages whose connections move between nodes, without a container: two registries ("nodes") on one change log and
 * one positions table, both in memory.
 */
class SharedPositionsTest {

    private final CalendarLog log = new CalendarLog();
    private final InMemoryPositions table = new InMemoryPositions();
    private final List<Runnable> queuedWrites = new ArrayList<>();
    private final List<RemoteRegistry> nodes = new ArrayList<>();
    private final RemoteRegistry node1 = node(Runnable::run);
    private final RemoteRegistry node2 = node(Runnable::run);

    @Test
    void aPageThatMovesToAnotherNodeGetsExactlyWhatItMissedThere() {
        var first = new FakePeer();
        var page = node2.open(first, "team", "key-1", OptionalLong.of(0));
        node2.subscribe(page);
        commit(1);
        commit(2);
        node2.closed(page);
        commit(3);
        commit(4);

        var again = new FakePeer();
        node1.subscribe(node1.open(again, "team", "key-1", OptionalLong.of(0)));
        commit(5);

        assertEquals(List.of("e1", "e2"), texts(first));
        assertEquals(List.of("e3", "e4", "e5"), texts(again), "the missed ones from node 2's stored position, then the live one");
    }

    @Test
    void aNodesOwnMemoryOfAPageDoesNotOutweighWhereThePageGotOnAnotherNode() {
        var onNode1 = node1.open(new FakePeer(), "team", "key-1", OptionalLong.of(0));
        node1.subscribe(onNode1);
        commit(1);
        node1.closed(onNode1); // node 1 remembers 1
        var onNode2 = node2.open(new FakePeer(), "team", "key-1", OptionalLong.of(0));
        node2.subscribe(onNode2);
        commit(2);
        commit(3);
        node2.closed(onNode2); // stored: 3
        commit(4);

        var back = new FakePeer();
        node1.subscribe(node1.open(back, "team", "key-1", OptionalLong.of(0)));

        assertEquals(List.of("e4"), texts(back));
    }

    @Test
    void anOpenConnectionsPositionIsWrittenOnlyWhenItMoved() {
        var page = node1.open(new FakePeer(), "team", "key-1", OptionalLong.of(0));
        node1.subscribe(page);
        commit(1);

        node1.sharing.write();
        node1.sharing.write(); // nothing moved
        commit(2);
        commit(3);
        node1.sharing.write();

        var key = PageAtCalendar.of("key-1", "team");
        assertEquals(List.of(Map.of(key, 1L), Map.of(key, 3L)), table.batches);
    }

    @Test
    void anEndedConnectionsPositionIsWrittenOnTheExecutorNotByTheThreadThatSawItEnd() {
        var node = node(queuedWrites::add);
        var page = node.open(new FakePeer(), "team", "key-1", OptionalLong.of(0));
        node.subscribe(page);
        commit(1);

        node.closed(page);
        node.closed(page); // seen closed twice (given up, then the socket's close): one write queued
        assertTrue(table.rows.isEmpty(), "not written by the closing thread");
        assertEquals(1, queuedWrites.size());

        queuedWrites.remove(0).run();
        assertEquals(Map.of(PageAtCalendar.of("key-1", "team"), 1L), table.rows);
    }

    @Test
    void whileTheDatabaseIsDownChangesStillFlowAndEndedPositionsWaitUntilItIsBack() {
        table.down = true;
        var first = new FakePeer();
        var page = node1.open(first, "team", "key-1", OptionalLong.of(0));
        node1.subscribe(page); // the stored position cannot be read: from the key's
        commit(1);
        commit(2);
        node1.closed(page); // cannot be written
        var again = new FakePeer();
        node1.subscribe(node1.open(again, "team", "key-1", OptionalLong.of(0)));
        commit(3);

        assertEquals(List.of("e1", "e2"), texts(first));
        assertEquals(List.of("e3"), texts(again), "this node's memory still knows the page");
        assertTrue(table.rows.isEmpty());

        table.down = false;
        node1.sharing.write();
        assertEquals(Map.of(PageAtCalendar.of("key-1", "team"), 3L), table.rows, "the ended position waited, the open one moved past it");
    }

    @Test
    void aChangeQueuedButNotYetWrittenWhenTheConnectionEndsIsSentAgainAfterIt() {
        var slow = FakePeer.holding();
        var page = node2.open(slow, "team", "key-1", OptionalLong.of(0));
        slow.complete(null); // start
        node2.subscribe(page);
        commit(1);
        commit(2);
        slow.complete(null); // change 1 written; change 2 still in flight
        node2.closed(page);

        var again = new FakePeer();
        node1.subscribe(node1.open(again, "team", "key-1", OptionalLong.of(0)));

        assertEquals(List.of("e2"), texts(again));
    }

    @Test
    void aStoredPositionNeverGoesBack() {
        var ahead = node2.open(new FakePeer(), "team", "key-1", OptionalLong.of(0));
        node2.subscribe(ahead);
        commit(1);
        commit(2);
        node2.closed(ahead);
        var behind = node1.open(new FakePeer(), "team", "key-1", OptionalLong.of(0));
        behind.releaseLive(1); // an old connection of the page, only as far as 1, ends after the newer one
        node1.closed(behind);

        assertEquals(Map.of(PageAtCalendar.of("key-1", "team"), 2L), table.rows);
    }

    @Test
    void theStoredPageIsAHashNeverTheKey() {
        var page = PageAtCalendar.of("the-secret-key", "team");
        assertEquals(43, page.page().length());
        assertFalse(page.page().contains("secret"));
        assertEquals(page, PageAtCalendar.of("the-secret-key", "team"));
        assertNotEquals(page, PageAtCalendar.of("the-secret-kez", "team"));
        assertFalse(page.toString().contains(page.page()), "logs show a prefix only");
    }

    private RemoteRegistry node(Executor writes) {
        var registry = TestRegistries.of(log, 100, table, writes);
        nodes.add(registry);
        return registry;
    }

    /** Change {@code id} of calendar "team" committed and fired on every node, as the doorbell does. */
    private void commit(long id) {
        var at = LocalDateTime.of(2025, 4, 1, 9, 0);
        var change = log.commit(new EventChanged(Kind.INSERTED, new EventView(id, "team", at, at.plusHours(1), "e" + id, null, null,
                null, null, false, null, null, null, JsonValue.EMPTY_JSON_OBJECT, 1), null));
        for (var node : nodes) node.onChange(change);
    }

    private static List<String> texts(FakePeer peer) {
        return peer.written.stream().filter(frame -> frame.contains("\"event\":{")).map(frame -> {
            try (var reader = Json.createReader(new StringReader(frame))) {
                return reader.readObject().getJsonObject("body").getJsonObject("value").getJsonObject("event").getString("text");
            }
        }).toList();
    }
}
