package io.liveupdate.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.liveupdate.json.Json;
import io.liveupdate.persistence.ChangeLog;
import io.liveupdate.persistence.LoggedChange;
import io.liveupdate.persistence.StreamHead;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The one catch-up decision, for a client that says where it stands on a stream: every branch, each at its edge
 * (the first number that is trimmed or one too many), over a change log in memory that answers as the database's
 * does.
 */
class CatchUpTest {

    private static final String STREAM = "calendar:team";

    /** One stream's log: its last number and epoch, the changes still kept, and each read of them. */
    private static final class MemoryLog extends ChangeLog {
        long last;
        String epoch;
        final TreeMap<Long, LoggedChange> kept = new TreeMap<>();
        final List<Integer> reads = new ArrayList<>();

        MemoryLog committed(long upTo, String inEpoch) {
            epoch = inEpoch;
            for (long seq = last + 1; seq <= upTo; seq++) {
                kept.put(seq, new LoggedChange(STREAM, seq, Json.createObjectBuilder().add("n", seq).build(), inEpoch));
            }
            last = Math.max(last, upTo);
            return this;
        }

        MemoryLog trimmedBefore(long firstKept) {
            kept.headMap(firstKept).clear();
            return this;
        }

        @Override
        public StreamHead head(String stream) {
            return new StreamHead(last, epoch);
        }

        @Override
        public OptionalLong firstKept(String stream) {
            return kept.isEmpty() ? OptionalLong.empty() : OptionalLong.of(kept.firstKey());
        }

        @Override
        public List<LoggedChange> after(String stream, long seq, int limit) {
            reads.add(limit);
            return kept.tailMap(seq, false).values().stream().limit(limit).toList();
        }
    }

    private final MemoryLog log = new MemoryLog();
    private final CatchUp catchUp = new CatchUp();

    {
        catchUp.log = log;
    }

    private static List<Long> seqs(CatchUpPlan.Replay replay) {
        return StreamSupport.stream(replay.changes().spliterator(), false).map(LoggedChange::seq).toList();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void aClientWithTheLastNumberIsUpToDate() {
        log.committed(5, "e1");

        assertEquals(new CatchUpPlan.UpToDate(5, "e1"), catchUp.plan(STREAM, 5, "e1", 10));
        assertEquals(new CatchUpPlan.UpToDate(5, "e1"), catchUp.plan(STREAM, 5, null, 10), "no epoch: the number alone decides");
        assertEquals(List.of(), log.reads, "nothing read from the log");
    }

    @Test
    void missedChangesStillKeptAreReplayedWithTheirEpoch() {
        log.committed(5, "e1");

        var replay = assertInstanceOf(CatchUpPlan.Replay.class, catchUp.plan(STREAM, 2, "e1", 10));

        assertEquals(2, replay.from());
        assertEquals(new StreamHead(5, "e1"), new StreamHead(replay.seq(), replay.epoch()));
        assertEquals(List.of(3L, 4L, 5L), seqs(replay));
        replay.changes().forEach(change -> assertEquals("e1", change.epoch()));
    }

    @Test
    void aReplayIsReadInBatchesUpToItsLimitAndOnlyAsFarAsItIsTaken() {
        log.committed(1200, "e1");

        var replay = assertInstanceOf(CatchUpPlan.Replay.class, catchUp.plan(STREAM, 0, "e1", 1200));
        assertEquals(range(1, 1200), seqs(replay));
        assertEquals(List.of(CatchUp.BATCH, CatchUp.BATCH, 200), log.reads, "three reads, none beyond the limit");

        log.reads.clear();
        var first = replay.changes().iterator().next();
        assertEquals(1, first.seq());
        assertEquals(List.of(CatchUp.BATCH), log.reads, "a sender that stops at once read one batch");
    }

    @Test
    void changesCommittedAfterThePlanFollowInTheReplayWithinItsLimit() {
        log.committed(5, "e1");
        var replay = assertInstanceOf(CatchUpPlan.Replay.class, catchUp.plan(STREAM, 3, "e1", 4));

        log.committed(9, "e1");

        assertEquals(5, replay.seq(), "where the stream stood when decided");
        assertEquals(List.of(4L, 5L, 6L, 7L), seqs(replay));
    }

    @Test
    void aClientThatMissedATrimmedChangeReloads() {
        log.committed(10, "e1").trimmedBefore(4);

        assertEquals(new CatchUpPlan.Reload(10, "e1", CatchUpPlan.Reason.TRIMMED), catchUp.plan(STREAM, 2, "e1", 100));
        var edge = assertInstanceOf(CatchUpPlan.Replay.class, catchUp.plan(STREAM, 3, "e1", 100), "#4 is the first it missed, still kept");
        assertEquals(range(4, 10), seqs(edge));
    }

    @Test
    void aClientReloadsWhenTheLogKeepsNothingOfWhatItMissed() {
        log.committed(10, "e1").trimmedBefore(11);

        assertEquals(new CatchUpPlan.Reload(10, "e1", CatchUpPlan.Reason.TRIMMED), catchUp.plan(STREAM, 9, "e1", 100));
        assertEquals(new CatchUpPlan.UpToDate(10, "e1"), catchUp.plan(STREAM, 10, "e1", 100));
    }

    @Test
    void aClientThatMissedMoreThanItMayBeSentReloads() {
        log.committed(10, "e1");

        assertEquals(new CatchUpPlan.Reload(10, "e1", CatchUpPlan.Reason.TOO_MANY), catchUp.plan(STREAM, 4, "e1", 5));
        var edge = assertInstanceOf(CatchUpPlan.Replay.class, catchUp.plan(STREAM, 5, "e1", 5));
        assertEquals(range(6, 10), seqs(edge));
    }

    /** Both protocols size a replay by their client's queue alike: half of it, and never nothing. */
    @Test
    void aReplayMayFillHalfOfTheClientsQueue() {
        assertEquals(500, CatchUp.replayLimit(1000));
        assertEquals(1, CatchUp.replayLimit(1));
        log.committed(10, "e1");

        assertEquals(CatchUpPlan.Reason.TOO_MANY,
                assertInstanceOf(CatchUpPlan.Reload.class, catchUp.plan(STREAM, 3, "e1", CatchUp.replayLimit(12))).reason());
        assertInstanceOf(CatchUpPlan.Replay.class, catchUp.plan(STREAM, 4, "e1", CatchUp.replayLimit(12)));
    }

    @Test
    void aClientAheadOfTheLogReloads() {
        log.committed(5, "e1");

        assertEquals(new CatchUpPlan.Reload(5, "e1", CatchUpPlan.Reason.AHEAD), catchUp.plan(STREAM, 7, null, 10));
    }

    @Test
    void aNumberOfAnotherEpochReloadsEvenWhenItMatches() {
        log.committed(5, "e2");

        assertEquals(new CatchUpPlan.Reload(5, "e2", CatchUpPlan.Reason.OTHER_EPOCH), catchUp.plan(STREAM, 5, "e1", 10));
        assertEquals(new CatchUpPlan.Reload(5, "e2", CatchUpPlan.Reason.OTHER_EPOCH), catchUp.plan(STREAM, 2, "e1", 10));
        assertEquals(List.of(), log.reads);
    }

    @Test
    void aStreamWithoutAnEpochDecidesByNumber() {
        log.committed(5, null);

        assertEquals(new CatchUpPlan.UpToDate(5, null), catchUp.plan(STREAM, 5, "e1", 10));
        assertInstanceOf(CatchUpPlan.Replay.class, catchUp.plan(STREAM, 4, "e1", 10));
    }

    @Test
    void anEmptyStreamHasEveryClientAtZeroOrAhead() {
        assertEquals(new StreamHead(0, null), catchUp.position(STREAM));
        assertEquals(new CatchUpPlan.UpToDate(0, null), catchUp.plan(STREAM, 0, null, 10));
        assertEquals(new CatchUpPlan.UpToDate(0, null), catchUp.plan(STREAM, 0, "e1", 10), "a stream without an epoch matches any");
        assertEquals(new CatchUpPlan.Reload(0, null, CatchUpPlan.Reason.AHEAD), catchUp.plan(STREAM, 3, null, 10));
    }

    @Test
    void thePositionIsWhereTheStreamStandsNow() {
        log.committed(7, "e1");

        assertEquals(new StreamHead(7, "e1"), catchUp.position(STREAM));
    }
}
