package io.liveupdate.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.liveupdate.persistence.StreamHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The ordering point when the database's numbers start another history: reset (the stream's row made again, with
 * another epoch) or restored from an older backup (same epoch, a lower last number). Seen by a doorbell, a local
 * commit, a log read or a check, the stream's clients reload, and nothing of the new history is dropped as
 * "already delivered".
 */
class StreamOrderEpochTest {

    private static final String STREAM = "calendar:team";

    private record Change(long seq, String epoch) {
    }

    /** One stream in a database: its log, its last number and epoch; what was delivered and told, in order. */
    private static final class Database {
        final List<Change> log = new ArrayList<>();
        String epoch = "e1";
        final List<String> events = new ArrayList<>();
        int renewals;
        final StreamOrder<Change> order = new StreamOrder<>(this::after, Change::seq, Change::epoch,
                change -> events.add(change.epoch() + "#" + change.seq()),
                (stream, lastMissing, epoch) -> events.add("reload " + epoch + " after " + lastMissing), this::renewIfBehind);

        Database committed(long upTo) {
            for (long seq = last() + 1; seq <= upTo; seq++) log.add(new Change(seq, epoch));
            return this;
        }

        long last() {
            return log.isEmpty() ? 0 : log.get(log.size() - 1).seq();
        }

        Change change(long seq) {
            return log.stream().filter(c -> c.seq() == seq).findFirst().orElseThrow();
        }

        /** Emptied, and the stream's row made again at its next change, with a new epoch. */
        void reset(String newEpoch) {
            log.clear();
            epoch = newEpoch;
        }

        /** Back to an older backup: the same epoch, the changes after {@code last} gone. */
        void restore(long last) {
            log.removeIf(c -> c.seq() > last);
        }

        void check() {
            order.reconcile(Map.of(STREAM, last()), Map.of(STREAM, epoch));
        }

        // As ChangeLog.after reads it: the entries carry the stream's epoch of now.
        private List<Change> after(String stream, long seq, int limit) {
            return log.stream().filter(c -> c.seq() > seq).limit(limit).map(c -> new Change(c.seq(), epoch)).toList();
        }

        // As ChangeLog.renewIfBehind: only while the epoch is still the one read and the number still below.
        private StreamHead renewIfBehind(String stream, String readEpoch, long delivered) {
            if (epoch.equals(readEpoch) && last() < delivered) {
                epoch = "renewed" + ++renewals;
                log.replaceAll(c -> new Change(c.seq(), epoch));
            }
            return new StreamHead(last(), epoch);
        }
    }

    private static List<String> delivered(String epoch, long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(seq -> epoch + "#" + seq).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        var all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    @Test
    void aResetSeenByADoorbellReloadsTheClientsThenDeliversTheNewHistory() {
        var db = new Database().committed(5);
        db.order.baseline(Map.of(STREAM, 5L), Map.of(STREAM, "e1"));

        db.reset("e2");
        db.committed(2); // #1 and #2 of the new history: at or below the mark, but not delivered
        db.order.advanced(STREAM, 2, "e2");

        assertEquals(List.of("reload e2 after 1", "e2#2"), db.events);
        assertEquals(2, db.order.delivered(STREAM));
        assertEquals("e2", db.order.epoch(STREAM));

        db.committed(3);
        db.order.advanced(STREAM, 3, "e2");
        assertEquals(List.of("reload e2 after 1", "e2#2", "e2#3"), db.events);
    }

    @Test
    void aResetSeenByALocalCommitReloadsTheClientsBeforeIt() {
        var db = new Database().committed(9);
        db.order.baseline(Map.of(STREAM, 9L), Map.of(STREAM, "e1"));

        db.reset("e2");
        db.committed(1);
        db.order.committed(STREAM, db.change(1));
        db.order.advanced(STREAM, 1, "e2"); // its own doorbell, after

        assertEquals(List.of("reload e2 after 0", "e2#1"), db.events);
    }

    @Test
    void aResetSeenByACheckWhenEveryDoorbellWasLost() {
        var db = new Database().committed(9);
        db.order.baseline(Map.of(STREAM, 9L), Map.of(STREAM, "e1"));

        db.reset("e2");
        db.committed(12); // past the old mark: by number alone, #10 to #12 would be taken for the next ones
        db.check();

        assertEquals(List.of("reload e2 after 11", "e2#12"), db.events);
        assertEquals(0, db.renewals);
    }

    @Test
    void aResetFoundWhileReadingTheLogForAnOldDoorbell() {
        var db = new Database().committed(3);
        db.order.baseline(Map.of(STREAM, 3L), Map.of(STREAM, "e1"));

        db.reset("e2");
        db.committed(6);
        db.order.advanced(STREAM, 5, "e1"); // a late doorbell of the old history; the log now holds the new one

        assertEquals(List.of("reload e2 after 3", "e2#4", "e2#5"), db.events);
    }

    @Test
    void lateDoorbellsAndCommitsOfTheHistoryLeftBehindAreDropped() {
        var db = new Database().committed(5);
        db.order.baseline(Map.of(STREAM, 5L), Map.of(STREAM, "e1"));
        db.reset("e2");
        db.committed(1);
        db.order.advanced(STREAM, 1, "e2");

        db.order.advanced(STREAM, 6, "e1");
        db.order.committed(STREAM, new Change(6, "e1"));

        assertEquals(List.of("reload e2 after 0", "e2#1"), db.events);
        assertEquals("e2", db.order.epoch(STREAM));
    }

    @Test
    void aRestoreSeenByACheckRenewsTheEpochOnceAndCarriesOnInIt() {
        var db = new Database().committed(8);
        db.order.baseline(Map.of(STREAM, 0L), Map.of(STREAM, "e1"));
        db.check();
        assertEquals(delivered("e1", 1, 8), db.events);

        db.restore(5);
        db.committed(6); // a change after the restore: #6 again, which the mark says was delivered
        db.order.advanced(STREAM, 6, "e1");
        assertEquals(delivered("e1", 1, 8), db.events, "dropped until a check sees the database behind the mark");

        db.check();
        db.check();

        assertEquals(1, db.renewals);
        assertNotEquals("e1", db.epoch);
        assertEquals(concat(delivered("e1", 1, 8), List.of("reload renewed1 after 5", "renewed1#6")), db.events);

        db.committed(7);
        db.order.advanced(STREAM, 7, "renewed1");
        assertEquals("renewed1#7", db.events.get(db.events.size() - 1));
    }

    @Test
    void aCheckReadBeforeThisNodesLatestDeliveryIsNoRestore() {
        var db = new Database().committed(4);
        db.order.baseline(Map.of(STREAM, 4L), Map.of(STREAM, "e1"));

        db.committed(5);
        db.order.committed(STREAM, db.change(5)); // delivered after the check below read the database
        db.order.reconcile(Map.of(STREAM, 4L), Map.of(STREAM, "e1"));

        assertEquals(0, db.renewals);
        assertEquals(List.of("e1#5"), db.events);
        assertEquals("e1", db.order.epoch(STREAM));
    }

    @Test
    void anotherNodesRenewalIsTakenAsAReset() {
        var db = new Database().committed(8);
        db.order.baseline(Map.of(STREAM, 8L), Map.of(STREAM, "e1"));

        db.restore(5);
        db.epoch = "renewed-elsewhere";
        db.check();

        assertEquals(0, db.renewals);
        assertEquals(List.of("reload renewed-elsewhere after 4", "renewed-elsewhere#5"), db.events);
    }

    @Test
    void aStreamWithoutAnEpochYetTakesTheFirstOneItHearsWithoutAReload() {
        var db = new Database().committed(3);
        db.order.baseline(Map.of(STREAM, 3L), Map.of()); // a row from before epochs

        db.committed(4);
        db.order.advanced(STREAM, 4, "e1");

        assertEquals(List.of("e1#4"), db.events);
        assertEquals("e1", db.order.epoch(STREAM));
    }
}
