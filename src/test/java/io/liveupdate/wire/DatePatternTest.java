package io.liveupdate.wire;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class DatePatternTest {

    private static final LocalDateTime T = LocalDateTime.of(2025, 4, 1, 9, 5, 7);

    @Test
    void writesTheV7DefaultTheLegacyAndTheApiDateFormats() {
        assertEquals("2025-04-01 09:05", DatePattern.V7_DEFAULT.format(T));
        assertEquals("04/01/2025 09:05", new DatePattern("%m/%d/%Y %H:%i").format(T));
        assertEquals("01-04-2025 09:05", DatePattern.API_DATE.format(T));
    }

    @Test
    void writesUnpaddedAndShortTokensAndCopiesTheRest() {
        assertEquals("1.4.25 9:05:07 %q", new DatePattern("%j.%n.%y %G:%i:%s %q").format(T));
    }
}
