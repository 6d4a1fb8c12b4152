package io.liveupdate.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InputRulesTest {

    @Test
    void plainIdsAreShortWordsAndNumbers() {
        assertTrue(PlainId.isPlain("42"));
        assertTrue(PlainId.isPlain("1700000000000"));
        assertTrue(PlainId.isPlain("temp_1-a"));
        assertTrue(PlainId.isPlain("x".repeat(PlainId.MAX_LENGTH)));
    }

    @Test
    void markupSpacesAndOverlongIdsAreNotPlain() {
        assertFalse(PlainId.isPlain(null));
        assertFalse(PlainId.isPlain(""));
        assertFalse(PlainId.isPlain("<img src=x onerror=alert(1)>"));
        assertFalse(PlainId.isPlain("1\" onmouseover=\"x"));
        assertFalse(PlainId.isPlain("a b"));
        assertFalse(PlainId.isPlain("1.5"));
        assertFalse(PlainId.isPlain("x".repeat(PlainId.MAX_LENGTH + 1)));
    }

    @Test
    void aLogLineCannotBeSplitOrForged() {
        String forged = "deleted\r\nSEVERE [io.liveupdate] (main) database dropped";
        String safe = LogSafe.text(forged);
        assertFalse(safe.contains("\n"));
        assertFalse(safe.contains("\r"));
        assertEquals("deleted??SEVERE [io.liveupdate] (main) database dropped", safe);
        assertEquals("'a?b'", LogSafe.quoted("a\u2028b"));
        assertEquals("null", LogSafe.quoted(null));
    }

    @Test
    void aLogLineIsBounded() {
        String safe = LogSafe.text("y".repeat(1_000_000));
        assertTrue(safe.length() < LogSafe.MAX_CHARS + 40, "length " + safe.length());
        assertTrue(safe.endsWith("(999800 more chars)"), safe.substring(LogSafe.MAX_CHARS));
    }
}
