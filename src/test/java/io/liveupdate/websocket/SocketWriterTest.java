package io.liveupdate.websocket;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The writer both WebSocket protocols share, against a plain queue and a send that holds its writes until told to
 * complete them. Each protocol's own rules on top of it are in {@code remote.OutboxTest} (limits, pings, positions)
 * and the Bayeux WebSocket ITs.
 */
class SocketWriterTest {

    private final Queue<String> queue = new ConcurrentLinkedQueue<>();
    private final List<String> ended = new ArrayList<>();
    private final HeldSend send = new HeldSend();
    private final SocketWriter<String> writer = new SocketWriter<>(new SocketWriter.Frames<>() {
        @Override
        public synchronized String next() {
            return queue.poll();
        }

        @Override
        public synchronized void ended(String frame, Throwable failure) {
            ended.add(frame + (failure == null ? "" : " failed: " + failure.getMessage()));
        }
    }, send);

    @Test
    void onlyOneWriteIsInFlightAndItsCompletionStartsTheNext() {
        queue("a", "b", "c");
        writer.wake();
        writer.wake();
        assertEquals(List.of("a"), send.started);

        send.complete(null);
        assertEquals(List.of("a", "b"), send.started);
        send.complete(null);
        send.complete(null);

        assertEquals(List.of("a", "b", "c"), send.started);
        assertEquals(List.of("a", "b", "c"), ended);
        assertEquals(1, send.maxInFlight);
    }

    @Test
    void aFrameQueuedDuringAWriteIsWrittenWhenItCompletesAndOnlyThenIsTheWriterIdle() {
        assertTrue(writer.isIdle());
        queue("a");
        writer.wake();
        queue("b");
        writer.wake();
        assertFalse(writer.isIdle(), "a write in flight");
        assertEquals(List.of("a"), send.started);

        send.complete(null);
        assertEquals(List.of("a", "b"), send.started);
        assertFalse(writer.isIdle());
        send.complete(null);

        assertTrue(writer.isIdle());
    }

    @Test
    void writesThatCompleteInsideSendDoNotGrowTheStack() {
        IntStream.range(0, 100_000).forEach(i -> queue.add("m" + i));
        send.hold = false; // every write completes before its send returns: a recursive drain would overflow the stack

        writer.wake();

        assertEquals(100_000, send.started.size());
        assertEquals("m99999", send.started.get(99_999));
        assertEquals(1, send.maxInFlight);
        assertTrue(writer.isIdle());
    }

    /**
     * A write may complete on the server's I/O thread while the thread that started it is still in the send: then
     * exactly one of the two goes on with the next frame, whichever way the race ends.
     */
    @Test
    void aCompletionOnAnotherThreadWhileTheSendReturnsLosesNoFrame() throws InterruptedException {
        var completing = new CountDownLatch(1);
        var wakeReturned = new CountDownLatch(1);
        var completions = new ArrayList<Thread>();
        var racing = new SocketWriter<String>(new SocketWriter.Frames<>() {
            @Override
            public synchronized String next() {
                return queue.poll();
            }

            @Override
            public void ended(String frame, Throwable failure) {
                if (frame.equals("a")) { // the completion has begun before the send returns, and ends after it
                    completing.countDown();
                    awaitQuietly(wakeReturned);
                }
                synchronized (this) {
                    ended.add(frame);
                }
            }
        }, (frame, done) -> {
            synchronized (send) {
                send.started.add(frame);
            }
            if (frame.equals("a")) {
                var completion = new Thread(() -> done.accept(null), "io");
                completions.add(completion);
                completion.start();
                awaitQuietly(completing);
            } else {
                done.accept(null);
            }
        });
        queue("a", "b");

        racing.wake();
        wakeReturned.countDown();
        completions.get(0).join(10_000);

        assertEquals(List.of("a", "b"), send.started, "b is written by the completion of a");
        assertEquals(List.of("a", "b"), ended);
        assertTrue(racing.isIdle());
    }

    @Test
    void aFailedWriteIsEndedWithItsFailureAndNothingMoreStartsUntilTheNextWake() {
        queue("a", "b");
        writer.wake();

        send.complete(new IOException("broken pipe"));

        assertEquals(List.of("a failed: broken pipe"), ended);
        assertEquals(List.of("a"), send.started, "b waits");
        assertTrue(writer.isIdle());
        writer.wake();
        assertEquals(List.of("a", "b"), send.started);
    }

    @Test
    void aSendThatThrowsCountsAsAFailedWriteInsteadOfEscaping() {
        var throwing = new SocketWriter<String>(new SocketWriter.Frames<>() {
            @Override
            public String next() {
                return queue.poll();
            }

            @Override
            public void ended(String frame, Throwable failure) {
                ended.add(frame + " failed: " + failure.getMessage());
            }
        }, (frame, done) -> {
            throw new IllegalStateException("session closed");
        });
        queue("a");

        assertDoesNotThrow(throwing::wake);

        assertEquals(List.of("a failed: session closed"), ended);
        assertTrue(throwing.isIdle());
    }

    @Test
    void aSecondCompletionOfTheSameWriteIsIgnored() {
        queue("a", "b", "c");
        writer.wake();
        Consumer<Throwable> firstWrite = send.pending.get(0);

        send.complete(null);
        firstWrite.accept(null);

        assertEquals(List.of("a", "b"), send.started, "c waits for b, not for a second completion of a");
        assertEquals(List.of("a"), ended);
        assertEquals(1, send.maxInFlight);
    }

    private void queue(String... frames) {
        queue.addAll(List.of(frames));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS), "the waking thread never returned");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A send that records what it was asked to write and holds each write until {@link #complete}, or completes it at once. */
    private static final class HeldSend implements SocketWriter.Send<String> {
        final List<String> started = new ArrayList<>();
        final List<Consumer<Throwable>> pending = new ArrayList<>();
        boolean hold = true;
        int maxInFlight;

        @Override
        public synchronized void start(String frame, Consumer<Throwable> done) {
            started.add(frame);
            if (hold) {
                pending.add(done);
                maxInFlight = Math.max(maxInFlight, pending.size());
            } else {
                maxInFlight = Math.max(maxInFlight, 1);
                done.accept(null);
            }
        }

        /** Completes the oldest held write. */
        void complete(Throwable failure) {
            Consumer<Throwable> done;
            synchronized (this) {
                done = pending.remove(0);
            }
            done.accept(failure);
        }
    }
}
