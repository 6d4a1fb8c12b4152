package io.liveupdate.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The lanes between the doorbell listener and the ordering points: per stream one delivery at a time in the order
 * heard, a burst heard while busy delivered as one, streams independent of each other, nothing dropped when a
 * delivery throws or the executor refuses.
 */
class StreamLanesTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** What one lane delivered: "stream #seq epoch", in order. */
    private record Delivered(String stream, long seq, String epoch) {
    }

    private static final class Recorder implements StreamLanes.Delivery {
        final List<Delivered> delivered = Collections.synchronizedList(new ArrayList<>());
        final Map<String, AtomicInteger> running = new HashMap<>();
        volatile boolean overlapped;

        @Override
        public void deliver(String stream, long seq, String epoch) {
            AtomicInteger inStream;
            synchronized (running) {
                inStream = running.computeIfAbsent(stream, s -> new AtomicInteger());
            }
            if (inStream.incrementAndGet() > 1) overlapped = true;
            delivered.add(new Delivered(stream, seq, epoch));
            inStream.decrementAndGet();
        }

        List<Long> seqsOf(String stream) {
            synchronized (delivered) {
                return delivered.stream().filter(d -> d.stream().equals(stream)).map(Delivered::seq).toList();
            }
        }
    }

    @Test
    void doorbellsHeardWhileTheStreamIsBusyAreDeliveredAsOneUpToTheHighest() throws Exception {
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var delivered = Collections.synchronizedList(new ArrayList<Long>());
        var lanes = new StreamLanes(pool, (stream, seq, epoch) -> {
            delivered.add(seq);
            if (seq == 1) {
                entered.countDown();
                await(release);
            }
        });

        lanes.heard("calendar:a", 1, "e1");
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        lanes.heard("calendar:a", 2, "e1");
        lanes.heard("calendar:a", 4, "e1");
        lanes.heard("calendar:a", 3, "e1"); // a lower number heard late: already covered by 4
        release.countDown();

        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(List.of(1L, 4L), delivered);
    }

    @Test
    void aNewEpochHeardWhileBusyWaitsBehindTheOldOneInsteadOfReplacingIt() throws Exception {
        var entered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var delivered = Collections.synchronizedList(new ArrayList<String>());
        var lanes = new StreamLanes(pool, (stream, seq, epoch) -> {
            delivered.add(seq + ":" + epoch);
            if (seq == 10) {
                entered.countDown();
                await(release);
            }
        });

        lanes.heard("calendar:a", 10, "old");
        assertTrue(entered.await(10, TimeUnit.SECONDS));
        lanes.heard("calendar:a", 11, "old");
        lanes.heard("calendar:a", 2, "new"); // the stream was reset: its numbers start again
        lanes.heard("calendar:a", 3, "new");
        release.countDown();

        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        assertEquals(List.of("10:old", "11:old", "3:new"), delivered);
    }

    @Test
    void oneStreamsSlowDeliveryHoldsUpNoOtherStream() throws Exception {
        var slowEntered = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var fastDelivered = new CountDownLatch(1);
        var lanes = new StreamLanes(pool, (stream, seq, epoch) -> {
            if (stream.equals("calendar:slow")) {
                slowEntered.countDown();
                await(release);
            } else if (seq == 3) {
                fastDelivered.countDown();
            }
        });

        lanes.heard("calendar:slow", 1, null);
        assertTrue(slowEntered.await(10, TimeUnit.SECONDS));
        lanes.heard("calendar:slow", 2, null); // waits in the slow lane
        for (long seq = 1; seq <= 3; seq++) lanes.heard("calendar:fast", seq, null);

        boolean fastWhileSlowBusy = fastDelivered.await(10, TimeUnit.SECONDS);
        release.countDown();
        assertTrue(fastWhileSlowBusy, "the fast stream's deliveries waited for the slow stream");
    }

    @Test
    void manyStreamsHeardFromOneThreadAreDeliveredInOrderOneAtATimePerStream() throws Exception {
        var recorder = new Recorder();
        var lanes = new StreamLanes(pool, recorder);
        int streams = 8;
        int perStream = 3000;

        for (long seq = 1; seq <= perStream; seq++) {
            for (int s = 0; s < streams; s++) lanes.heard("calendar:" + s, seq, "e");
        }

        for (int s = 0; s < streams; s++) {
            String stream = "calendar:" + s;
            awaitCondition(() -> {
                List<Long> seqs = recorder.seqsOf(stream);
                return !seqs.isEmpty() && seqs.get(seqs.size() - 1) == perStream;
            });
            List<Long> seqs = recorder.seqsOf(stream);
            for (int i = 1; i < seqs.size(); i++) {
                assertTrue(seqs.get(i) > seqs.get(i - 1), stream + " delivered " + seqs.get(i) + " after " + seqs.get(i - 1));
            }
        }
        assertEquals(false, recorder.overlapped, "two deliveries of one stream ran at once");
    }

    @Test
    void aDeliveryThatThrowsCostsTheNextNumberNothing() throws Exception {
        var delivered = Collections.synchronizedList(new ArrayList<Long>());
        var first = new CountDownLatch(1);
        var lanes = new StreamLanes(pool, (stream, seq, epoch) -> {
            if (seq == 1) {
                first.countDown();
                throw new IllegalStateException("the log cannot be read now");
            }
            delivered.add(seq);
        });

        lanes.heard("calendar:a", 1, null);
        assertTrue(first.await(10, TimeUnit.SECONDS));
        lanes.heard("calendar:a", 2, null); // queued behind the failing one, or a lane of its own after it

        awaitCondition(() -> delivered.contains(2L));
        assertEquals(List.of(2L), delivered);
    }

    @Test
    void anErrorInADeliveryLeavesTheLaneReadyForTheNextNumber() throws Exception {
        var delivered = Collections.synchronizedList(new ArrayList<Long>());
        var direct = new StreamLanes(Runnable::run, (stream, seq, epoch) -> {
            if (seq == 1) throw new AssertionError("an Error, not an exception");
            delivered.add(seq);
        });

        try {
            direct.heard("calendar:a", 1, null);
        } catch (AssertionError expected) {
            // passes through the lane, as an Error should
        }
        direct.heard("calendar:a", 2, null);

        assertEquals(List.of(2L), delivered);
    }

    @Test
    void whenTheExecutorRefusesTheLaneRunsOnTheCallingThread() {
        var delivered = new ArrayList<String>();
        var lanes = new StreamLanes(task -> {
            throw new RejectedExecutionException("stopping");
        }, (stream, seq, epoch) -> delivered.add(stream + "#" + seq + "@" + Thread.currentThread().getName()));

        lanes.heard("calendar:a", 1, null);
        lanes.heard("calendar:a", 2, null);

        String here = Thread.currentThread().getName();
        assertEquals(List.of("calendar:a#1@" + here, "calendar:a#2@" + here), delivered);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("not released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within 10 s");
            Thread.sleep(5);
        }
    }
}
