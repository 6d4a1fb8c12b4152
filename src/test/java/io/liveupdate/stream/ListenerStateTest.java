package io.liveupdate.stream;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.stream.ListenerStatus.Mode;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ListenerStateTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration GRACE = Duration.ofSeconds(5);

    private static Instant at(double seconds) {
        return T0.plusMillis((long) (seconds * 1000));
    }

    @Test
    void startingIsHealthyOnlyWithinTheGrace() {
        var state = new ListenerState(T0);
        assertEquals(Mode.CONNECTING, state.status().mode());
        assertTrue(state.status().healthy(at(5), GRACE));
        assertFalse(state.status().healthy(at(5.001), GRACE), "a listener that never connects is down after the grace");
        assertEquals(-1, state.status().millisSinceCheck(at(1)));
    }

    @Test
    void aSuccessfulCheckConnectsAndRecordsTheLag() {
        var state = new ListenerState(T0);
        state.checked(at(1), 0);
        state.checked(at(4), 3);
        var status = state.status();
        assertEquals(Mode.CONNECTED, status.mode());
        assertEquals(at(1), status.since(), "connected since the first check, not the latest");
        assertEquals(at(4), status.lastCheck());
        assertEquals(3, status.lag());
        assertNull(status.problem());
        assertEquals(2000, status.millisSinceCheck(at(6)));
    }

    @Test
    void aConnectedListenerThatStopsCheckingGoesDown() {
        var state = new ListenerState(T0);
        state.checked(at(1), 0);
        Duration allowed = GRACE.plusSeconds(ChangeFeed.CHECK_SECONDS);
        assertTrue(state.status().healthy(T0.plusSeconds(1).plus(allowed), GRACE));
        assertFalse(state.status().healthy(T0.plusSeconds(1).plus(allowed).plusMillis(1), GRACE), "a stuck thread delivers nothing");
    }

    @Test
    void failedReconnectsKeepTheMomentTheTroubleBegan() {
        var state = new ListenerState(T0);
        state.checked(at(1), 0);
        state.lost(at(10), "terminated");
        state.lost(at(11), "connection refused");
        state.lost(at(13), "connection refused");
        var status = state.status();
        assertEquals(Mode.RECONNECTING, status.mode());
        assertEquals(at(10), status.since());
        assertEquals("connection refused", status.problem());
        assertTrue(status.healthy(at(15), GRACE), "a short drop is repaired by the reconnect's check");
        assertFalse(status.healthy(at(15.5), GRACE));

        state.checked(at(16), 0);
        assertEquals(Mode.CONNECTED, state.status().mode());
        assertEquals(at(16), state.status().since());
        assertNull(state.status().problem(), "the reason is cleared once it works again");
        assertTrue(state.status().healthy(at(16), GRACE));
    }

    @Test
    void failingBeforeTheFirstConnectionCountsFromTheStart() {
        var state = new ListenerState(T0);
        state.lost(at(2), "database down");
        assertEquals(Mode.CONNECTING, state.status().mode());
        assertEquals(T0, state.status().since());
        assertFalse(state.status().healthy(at(6), GRACE));
    }

    @Test
    void anEmbeddedDatabaseNeedsNoListener() {
        var state = new ListenerState(T0);
        state.notUsed(at(1));
        assertEquals(Mode.NOT_USED, state.status().mode());
        assertTrue(state.status().healthy(at(3600), GRACE), "a single node misses nothing");
    }
}
