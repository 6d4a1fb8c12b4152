package io.liveupdate.ops;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class RateWindowTest {

    @Test
    void noRateUntilTwoSamples() {
        var window = new RateWindow(3);
        assertEquals(0, window.perSecond());
        window.sample(1_000, 50);
        assertEquals(0, window.perSecond());
    }

    @Test
    void theRateSpansTheOldestToTheNewestSample() {
        var window = new RateWindow(3);
        window.sample(0, 0);
        window.sample(1_000, 10);
        window.sample(2_000, 30);

        assertEquals(15, window.perSecond(), 1e-9);
    }

    @Test
    void oldSamplesLeaveTheWindow() {
        var window = new RateWindow(3);
        window.sample(0, 0);
        window.sample(1_000, 1_000);
        window.sample(2_000, 1_000);
        window.sample(3_000, 1_000);

        assertEquals(0, window.perSecond(), "the burst before the window no longer counts");
    }

    @Test
    void samplesAtTheSameInstantGiveNoRateRatherThanInfinity() {
        var window = new RateWindow(2);
        window.sample(5, 1);
        window.sample(5, 9);
        assertEquals(0, window.perSecond());
    }
}
