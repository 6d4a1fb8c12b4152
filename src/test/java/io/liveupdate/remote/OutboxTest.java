package io.liveupdate.remote;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.fanout.WriterBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private final List<String> givenUp = new ArrayList<>();

    @Test
    void onlyOneWriteIsInFlightAndTheNextStartsWhenItCompletes() {
        var peer = FakePeer.holding();
        var outbox = new Outbox(peer, 10, givenUp::add);

        outbox.offer("a");
        outbox.offer("b");
        outbox.offer("c");
        assertEquals(List.of("a"), peer.written);

        peer.complete(null);
        assertEquals(List.of("a", "b"), peer.written);
        peer.complete(null);
        peer.complete(null);

        assertEquals(List.of("a", "b", "c"), peer.written);
        assertEquals(1, peer.maxInFlight);
        assertTrue(givenUp.isEmpty());
    }

    @Test
    void aPositionCountsAsWrittenOnlyOnceItsFrameHasBeenWritten() {
        var peer = FakePeer.holding();
        var outbox = new Outbox(peer, 10, givenUp::add);
        outbox.offer("start");
        outbox.offer("change 1", 1);
        outbox.mark(3); // caught up to 3 without a frame: counts once what is queued before it is written
        outbox.offer("change 4", 4);
        assertEquals(-1, outbox.written());

        peer.complete(null);
        assertEquals(-1, outbox.written(), "the start frame carries no position");
        peer.complete(null);
        assertEquals(3, outbox.written(), "change 1 written, then the mark reached");
        peer.complete(new java.io.IOException("connection reset"));

        assertEquals(3, outbox.written(), "change 4 was queued, never written");
        assertEquals(List.of("write failed: java.io.IOException: connection reset"), givenUp);
    }

    @Test
    void aMarkOnAnIdleOutboxCountsAtOnce() {
        var outbox = new Outbox(new FakePeer(), 10, givenUp::add);
        outbox.offer("change 2", 2);
        outbox.mark(5);
        outbox.mark(4);

        assertEquals(5, outbox.written());
    }

    @Test
    void aPeerThatFallsTooFarBehindIsGivenUpOnceAndGetsNothingMore() {
        var peer = FakePeer.holding();
        var outbox = new Outbox(peer, 2, givenUp::add);
        outbox.offer("in flight");
        assertTrue(outbox.offer("waits 1"));
        assertTrue(outbox.offer("waits 2"));

        assertFalse(outbox.offer("one too many"));
        assertFalse(outbox.offer("after giving up"));
        peer.complete(null);

        assertEquals(List.of("too far behind: 2 messages waiting"), givenUp);
        assertEquals(List.of("in flight"), peer.written, "the waiting frames are dropped");
        assertTrue(outbox.isClosed());
    }

    @Test
    void aWriteOfAFanOutStartsOnThePeersOwnThreadWhenTheBatchRuns() {
        var queuedTasks = new ArrayList<Runnable>();
        var peer = new FakePeer();
        peer.writer = queuedTasks::add;
        var outbox = new Outbox(peer, 10, givenUp::add);
        var writes = new WriterBatch();

        assertTrue(outbox.offer("a", writes));
        assertTrue(outbox.offer("b", writes));
        assertTrue(peer.written.isEmpty(), "queued, not written, while the fan-out goes on");
        writes.run();
        assertEquals(1, queuedTasks.size(), "one task for the peer's thread");
        Thread ioThread = new Thread(queuedTasks.get(0), "io");
        ioThread.start();
        assertDoesNotThrow(() -> ioThread.join(5_000));

        assertEquals(List.of("a", "b"), peer.written);
        assertEquals(List.of(ioThread, ioThread), peer.writtenOn);
    }

    @Test
    void aFailedWriteGivesThePeerUp() {
        var peer = FakePeer.holding();
        var outbox = new Outbox(peer, 10, givenUp::add);
        outbox.offer("a");
        outbox.offer("b");

        peer.complete(new java.io.IOException("broken pipe"));

        assertEquals(1, givenUp.size());
        assertTrue(givenUp.get(0).contains("broken pipe"));
        assertEquals(List.of("a"), peer.written);
    }

    @Test
    void writesThatCompleteInsideSendDoNotGrowTheStack() {
        var peer = FakePeer.holding();
        var outbox = new Outbox(peer, 200_000, givenUp::add);
        IntStream.range(0, 100_000).forEach(i -> outbox.offer("m" + i));

        // from now on every write completes before sendText returns; a recursive flush would overflow the stack
        peer.holdWrites = false;
        peer.complete(null);

        assertEquals(100_000, peer.written.size());
        assertEquals("m99999", peer.written.get(99_999));
        assertEquals(1, peer.maxInFlight);
        assertTrue(givenUp.isEmpty());
    }

    @Test
    void aPingGoesAheadOfWaitingTextsAndDoesNotCountAgainstTheLimit() {
        var peer = FakePeer.holding();
        var outbox = new Outbox(peer, 1, givenUp::add);
        outbox.offer("in flight");
        outbox.offer("waiting");
        outbox.ping();

        peer.complete(null);

        assertEquals(1, peer.pings);
        assertEquals(List.of("in flight"), peer.written, "the ping is written before the waiting text");
        peer.complete(null);
        assertEquals(List.of("in flight", "waiting"), peer.written);
        assertTrue(givenUp.isEmpty());
    }

    @Test
    void aSendThatThrowsGivesThePeerUpInsteadOfEscaping() {
        var peer = new FakePeer() {
            @Override
            public synchronized void sendText(String text, java.util.function.Consumer<Throwable> done) {
                throw new IllegalStateException("session closed");
            }
        };
        var outbox = new Outbox(peer, 10, givenUp::add);

        assertDoesNotThrow(() -> outbox.offer("a"));

        assertEquals(1, givenUp.size());
        assertTrue(outbox.isClosed());
    }
}
