package io.liveupdate.ops;

import static org.junit.jupiter.api.Assertions.*;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class LogFieldsTest {

    @Test
    void theFieldIsSetForTheLineOnlyAndGoneAfterwardsEvenWhenTheLineFails() {
        LogFields.with("session", "1a2b3c4d…", () -> assertEquals("1a2b3c4d…", text("session")));
        assertNull(MDC.get("session"), "a pooled thread keeps nothing for the next request's lines");

        assertThrows(IllegalStateException.class, () -> LogFields.with("session", "x", () -> {
            throw new IllegalStateException("a handler failed");
        }));
        assertNull(MDC.get("session"));
    }

    @Test
    void aScopeSetsEveryGivenFieldLeavesOutMissingOnesAndRemovesThemAll() {
        try (var fields = LogFields.open("client", "192.0.2.7", "calendar", "team", "gantt", null)) {
            assertEquals("192.0.2.7", text("client"));
            assertEquals("team", text("calendar"));
            assertNull(MDC.get("gantt"), "no field for what the request does not name");
        }
        assertNull(MDC.get("client"));
        assertNull(MDC.get("calendar"));
    }

    /**
     * WildFly's MDC is an InheritableThreadLocal: a thread a pool starts during a request gets a copy of the request's
     * map, holding the same value objects. Those must not go on naming the request's client once it is over.
     */
    @Test
    void aValueCopiedDuringTheScopeReadsEmptyOnceTheScopeIsClosed() {
        Object copied;
        try (var fields = LogFields.open("client", "192.0.2.7")) {
            copied = MDC.get("client");
            assertEquals("192.0.2.7", String.valueOf(copied));
        }
        assertEquals("", String.valueOf(copied), "what a started thread inherited is empty now, not the old client");
    }

    private static String text(String key) {
        Object value = MDC.get(key);
        return value == null ? null : value.toString();
    }
}
