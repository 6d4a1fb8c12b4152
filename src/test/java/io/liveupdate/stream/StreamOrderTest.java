package io.liveupdate.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The ordering point against an in-memory change log: local commits, doorbells and checks interleaved in every way
 * a cluster produces them, each change delivered once, in log order.
 */
class StreamOrderTest {

    private static final String STREAM = "calendar:team";

    /** One stream's log: change n is "#n"; what reads it and what was delivered, in order. */
    private static final class Fixture {
        final List<Long> log = Collections.synchronizedList(new ArrayList<>());
        final List<Long> delivered = Collections.synchronizedList(new ArrayList<>());
        int reads;
        boolean down;
        final StreamOrder<Long> order = new StreamOrder<>(this::after, seq -> seq, delivered::add);

        Fixture committed(long upTo) {
            for (long seq = log.size() + 1; seq <= upTo; seq++) log.add(seq);
            return this;
        }

        private List<Long> after(String stream, long seq, int limit) {
            if (down) throw new IllegalStateException("database down");
            reads++;
            synchronized (log) {
                return log.stream().filter(s -> s > seq).limit(limit).toList();
            }
        }
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void aLocalCommitRightAfterTheMarkIsDeliveredWithoutReadingTheLog() {
        var f = new Fixture().committed(5);
        f.order.baseline(Map.of(STREAM, 4L));

        f.order.committed(STREAM, 5L);

        assertEquals(List.of(5L), f.delivered);
        assertEquals(0, f.reads);
    }

    @Test
    void duplicatesAreDroppedWhicheverWayTheyCome() {
        var f = new Fixture().committed(3);
        f.order.baseline(Map.of(STREAM, 0L));

        f.order.advanced(STREAM, 2); // a doorbell: 1 and 2 from the log
        f.order.committed(STREAM, 2L); // this node's own commit, confirmed after its doorbell
        f.order.advanced(STREAM, 2); // the doorbell again
        f.order.committed(STREAM, 3L);
        f.order.advanced(STREAM, 3); // this node's own doorbell
        f.order.reconcile(Map.of(STREAM, 3L));

        assertEquals(range(1, 3), f.delivered);
        assertEquals(3, f.order.delivered(STREAM));
    }

    @Test
    void aLocalCommitAheadOfTheMarkIsDeliveredAfterTheRemoteChangesBeforeIt() {
        var f = new Fixture().committed(6); // 4 and 5 committed on another node, their doorbells not here yet
        f.order.baseline(Map.of(STREAM, 3L));

        f.order.committed(STREAM, 6L);
        f.order.advanced(STREAM, 4);
        f.order.advanced(STREAM, 5);

        assertEquals(List.of(4L, 5L, 6L), f.delivered);
    }

    @Test
    void aDoorbellFillsTheGapLeftByLostOnes() {
        var f = new Fixture().committed(9);
        f.order.baseline(Map.of(STREAM, 2L));

        f.order.advanced(STREAM, 3);
        f.order.advanced(STREAM, 9); // 4-8 rang while the listener reconnected

        assertEquals(range(3, 9), f.delivered);
    }

    @Test
    void changesCommittedBeforeTheReadAreDeliveredWithItAndTheirDoorbellsReadNothing() {
        var f = new Fixture().committed(4); // 3 and 4 committed while the doorbell of 2 was on its way
        f.order.baseline(Map.of(STREAM, 1L));

        f.order.advanced(STREAM, 2);
        assertEquals(List.of(2L, 3L, 4L), f.delivered);
        assertEquals(1, f.reads);

        f.order.advanced(STREAM, 3);
        f.order.advanced(STREAM, 4);
        f.order.committed(STREAM, 4L); // this node's own, confirmed late
        assertEquals(List.of(2L, 3L, 4L), f.delivered);
        assertEquals(1, f.reads, "the later doorbells found their changes delivered");
    }

    @Test
    void theCheckRepairsALostLastDoorbell() {
        var f = new Fixture().committed(2);
        f.order.baseline(Map.of(STREAM, 0L));
        f.order.advanced(STREAM, 1);

        f.order.reconcile(Map.of(STREAM, 2L));

        assertEquals(List.of(1L, 2L), f.delivered);
    }

    @Test
    void aStreamCreatedAfterTheBaselineStartsAtItsFirstChange() {
        var f = new Fixture().committed(2);
        f.order.baseline(Map.of("calendar:other", 7L));

        f.order.advanced(STREAM, 2); // its first doorbell lost, the second arrives

        assertEquals(List.of(1L, 2L), f.delivered);
    }

    @Test
    void whatWasCommittedBeforeTheBaselineIsNotDeliveredAgain() {
        var f = new Fixture().committed(1200);
        f.order.baseline(Map.of(STREAM, 1200L));

        f.order.reconcile(Map.of(STREAM, 1200L));
        f.order.advanced(STREAM, 1200);

        assertEquals(List.of(), f.delivered);
    }

    @Test
    void withoutABaselineTheFirstCheckIsOneAndDeliversNothing() {
        var f = new Fixture().committed(5);

        f.order.reconcile(Map.of(STREAM, 5L));
        f.committed(6);
        f.order.reconcile(Map.of(STREAM, 6L));

        assertEquals(List.of(6L), f.delivered);
    }

    @Test
    void withoutABaselineAStreamStartsJustBelowTheFirstNumberHeard() {
        var f = new Fixture().committed(41);

        f.order.committed(STREAM, 41L);
        f.order.committed(STREAM, 40L);

        assertEquals(List.of(41L), f.delivered);
    }

    @Test
    void changesNoLongerInTheLogAreSignalledAsAReloadBeforeTheNextIsDelivered() {
        var events = Collections.synchronizedList(new ArrayList<String>());
        var log = new ArrayList<>(range(8, 12)); // 1-7 trimmed away while this node was behind
        var order = new StreamOrder<Long>((stream, seq, limit) -> log.stream().filter(s -> s > seq).limit(limit).toList(),
                seq -> seq, seq -> events.add("#" + seq), (stream, lastMissing, epoch) -> events.add("reload after " + lastMissing + " of " + stream));
        order.baseline(Map.of(STREAM, 3L));

        order.advanced(STREAM, 10);
        order.committed(STREAM, 11L);
        order.reconcile(Map.of(STREAM, 12L));

        assertEquals(List.of("reload after 7 of " + STREAM, "#8", "#9", "#10", "#11", "#12"), events,
                "one reload signal, carrying on from the first change kept");
    }

    @Test
    void aStreamThatMissesNothingIsNeverToldToReload() {
        var reloads = new ArrayList<Long>();
        var f = new Fixture().committed(6);
        var order = new StreamOrder<Long>((stream, seq, limit) -> f.log.stream().filter(s -> s > seq).limit(limit).toList(),
                seq -> seq, f.delivered::add, (stream, lastMissing, epoch) -> reloads.add(lastMissing));
        order.baseline(Map.of(STREAM, 2L));

        order.advanced(STREAM, 6);

        assertEquals(range(3, 6), f.delivered);
        assertEquals(List.of(), reloads);
    }

    @Test
    void aGapLongerThanOneReadIsFilledInOrder() {
        int many = StreamOrder.BATCH * 2 + 17;
        var f = new Fixture().committed(many);
        f.order.baseline(Map.of(STREAM, 0L));

        f.order.advanced(STREAM, many);

        assertEquals(range(1, many), f.delivered);
    }

    @Test
    void aLocalCommitThatCannotFillItsGapIsLeftToTheCheck() {
        var f = new Fixture().committed(3);
        f.order.baseline(Map.of(STREAM, 1L));
        f.down = true;

        assertThrows(IllegalStateException.class, () -> f.order.committed(STREAM, 3L));
        f.down = false;
        f.order.reconcile(Map.of(STREAM, 3L));

        assertEquals(List.of(2L, 3L), f.delivered);
    }

    @Test
    void aDeliveryThatCommitsToTheSameStreamKeepsTheOrderAndDeliversNothingTwice() {
        var log = Collections.synchronizedList(new ArrayList<Long>(List.of(1L, 2L)));
        var delivered = new ArrayList<Long>();
        var holder = new ArrayList<StreamOrder<Long>>();
        var order = new StreamOrder<Long>((s, seq, limit) -> log.stream().filter(n -> n > seq).limit(limit).toList(), n -> n, n -> {
            delivered.add(n);
            if (n == 1) { // an observer saves another event in the same calendar
                log.add(3L);
                holder.get(0).committed(STREAM, 3L);
            }
        });
        holder.add(order);
        order.baseline(Map.of(STREAM, 0L));

        order.advanced(STREAM, 2);

        assertEquals(List.of(1L, 2L, 3L), delivered, "3, committed while 1 was delivered, comes after 2; the outer read does not repeat 2");
    }

    @Test
    void localCommitsAndDoorbellsFromManyThreadsDeliverEveryChangeOnceInOrder() throws Exception {
        int changes = 2000;
        var f = new Fixture();
        f.order.baseline(Map.of(STREAM, 0L));
        var pool = Executors.newFixedThreadPool(4);
        var done = new CountDownLatch(changes * 2);
        for (long seq = 1; seq <= changes; seq++) {
            long n = seq;
            f.committed(n);
            // Half committed here, confirmed in any order; every change's doorbell too, also in any order.
            pool.execute(() -> {
                if (n % 2 == 0) f.order.committed(STREAM, n);
                done.countDown();
            });
            pool.execute(() -> {
                f.order.advanced(STREAM, n);
                done.countDown();
            });
        }
        pool.shutdown();
        assertEquals(true, done.await(60, TimeUnit.SECONDS));

        assertEquals(range(1, changes), f.delivered);
    }
}
