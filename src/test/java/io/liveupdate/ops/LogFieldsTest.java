package io.liveupdate.ops;

import static org.junit.jupiter.api.Assertions.*;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

class LogFieldsTest {

    @Test
    void theFieldIsSetForTheLineOnlyAndGoneAfterwardsEvenWhenTheLineFails() {
        LogFields.with("session", "1a2b3c4d…", () -> assertEquals("1a2b3c4d…", MDC.get("session")));
        assertNull(MDC.get("session"), "a pooled thread keeps nothing for the next request's lines");

        assertThrows(IllegalStateException.class, () -> LogFields.with("session", "x", () -> {
            throw new IllegalStateException("a handler failed");
        }));
        assertNull(MDC.get("session"));
    }
}
