package io.liveupdate.ops;

import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    private static long ms(long millis) {
        return TimeUnit.MILLISECONDS.toNanos(millis);
    }

    @Test
    void nothingRecordedReadsAsZero() {
        assertEquals(new LatencySnapshot(0, 0, 0, 0, 0, 0), new LatencyRecorder(8).snapshot());
    }

    @Test
    void percentilesAreNearestRankOverTheSamples() {
        var recorder = new LatencyRecorder(100);
        for (int i = 100; i >= 1; i--) recorder.record(ms(i)); // out of order on purpose

        var snapshot = recorder.snapshot();

        assertEquals(100, snapshot.count());
        assertEquals(50.5, snapshot.meanMillis(), 1e-9);
        assertEquals(50, snapshot.p50Millis());
        assertEquals(95, snapshot.p95Millis());
        assertEquals(99, snapshot.p99Millis());
        assertEquals(100, snapshot.maxMillis());
    }

    @Test
    void percentilesFollowTheRecentWindowWhileCountAndMeanCoverTheWholeRun() {
        var recorder = new LatencyRecorder(4);
        for (int i = 0; i < 4; i++) recorder.record(ms(1000));
        for (int i = 0; i < 4; i++) recorder.record(ms(2));

        var snapshot = recorder.snapshot();

        assertEquals(8, snapshot.count());
        assertEquals(501, snapshot.meanMillis(), 1e-9);
        assertEquals(2, snapshot.p99Millis());
        assertEquals(2, snapshot.maxMillis(), "the slow ones have left the window");
    }

    @Test
    void aSingleSampleIsEveryPercentile() {
        var recorder = new LatencyRecorder(8);
        recorder.record(ms(7));
        var snapshot = recorder.snapshot();
        assertEquals(7, snapshot.p50Millis());
        assertEquals(7, snapshot.p99Millis());
    }
}
