package io.liveupdate.ops;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class RequestedStreamsTest {

    @Test
    void theNameAfterThePrefixDecodedOrNothing() {
        assertEquals("team-a", RequestedStreams.named("/api/calendars/team-a/events", "/api/calendars/"));
        assertEquals("team a+b", RequestedStreams.named("/api/calendars/team%20a+b/events/7", "/api/calendars/"));
        assertEquals("plan", RequestedStreams.named("/api/gantts/plan", "/api/gantts/"));
        assertNull(RequestedStreams.named("/api/events", "/api/calendars/"), "the default calendar's path names none");
        assertNull(RequestedStreams.named("/api/calendars/", "/api/calendars/"));
        assertNull(RequestedStreams.named("/sync", "/api/calendars/"));
    }

    @Test
    void aNameCannotForgeALineOrFillTheLog() {
        assertEquals("a?b", RequestedStreams.named("/api/calendars/a%0Ab/events", "/api/calendars/"));
        String named = RequestedStreams.named("/api/calendars/" + "x".repeat(5000) + "/events", "/api/calendars/");
        assertTrue(named.length() < 300, named);
        assertEquals("100%zz", RequestedStreams.named("/api/calendars/100%zz/events", "/api/calendars/"), "a bad escape as it came");
    }
}
