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
