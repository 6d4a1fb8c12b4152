package io.liveupdate.live;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.bayeux.ChannelId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChannelAccessTest {

    @Test
    void eachChannelNeedsAGrantOnItsCalendarOrItself() {
        assertEquals("default", ChannelAuthorization.resource(ChannelId.of("/update")));
        assertEquals("default", ChannelAuthorization.resource(ChannelId.of("/broadcast")));
        assertEquals("team", ChannelAuthorization.resource(ChannelId.of("/calendars/team/update")));
        assertEquals("/chat", ChannelAuthorization.resource(ChannelId.of("/chat")));
        for (String wide : new String[] {"/**", "/*", "/calendars/*", "/calendars/**", "/calendars/team/*", "/calendars/team/x", "/calendars"}) {
            assertEquals("*", ChannelAuthorization.resource(ChannelId.of(wide)), wide);
        }
    }

    @Test
    void anUpdateChannelOfNoPossibleCalendarNeedsTheGrantOnEverything() {
        // Read by the one parser of update channels (CalendarChannels.calendarOf): no calendar is named "a!b" or has
        // 65 characters, so nothing is published there, and no grant on such a name opens it.
        assertEquals("*", ChannelAuthorization.resource(ChannelId.of("/calendars/a!b/update")));
        assertEquals("*", ChannelAuthorization.resource(ChannelId.of("/calendars/" + "x".repeat(65) + "/update")));
        assertEquals("x".repeat(64), ChannelAuthorization.resource(ChannelId.of("/calendars/" + "x".repeat(64) + "/update")));
    }

    @Test
    void thePublishRateAllowsABurstThenRefillsWithTime() {
        var now = new AtomicLong();
        var rate = new PublishRate(3, now::get);
        assertTrue(rate.tryTake());
        assertTrue(rate.tryTake());
        assertTrue(rate.tryTake());
        assertFalse(rate.tryTake());
        now.addAndGet(340_000_000L); // a third of a second and a bit: one more
        assertTrue(rate.tryTake());
        assertFalse(rate.tryTake());
        now.addAndGet(60_000_000_000L);
        for (int i = 0; i < 3; i++) assertTrue(rate.tryTake(), "the bucket holds at most one second's worth");
        assertFalse(rate.tryTake());
    }
}
