package io.liveupdate.bayeux;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** The JSON parser's nesting limit is a plain RuntimeException; it must come out as a bad payload, not a 500. */
class DeepNestingTest {

    @Test
    void aPayloadNestedBeyondTheParsersLimitIsABadPayload() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        var e = assertThrows(IllegalArgumentException.class, () -> Payload.parse(deep));
        assertTrue(e.getMessage().startsWith("not a Bayeux payload"), e.getMessage());
        String deepObject = "[{\"channel\":\"/a\",\"data\":" + "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000) + "}]";
        assertThrows(IllegalArgumentException.class, () -> Payload.parse(deepObject));
    }
}
