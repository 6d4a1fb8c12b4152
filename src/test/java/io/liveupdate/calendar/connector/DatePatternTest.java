package io.liveupdate.calendar.connector;

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

    @Test
    void whatItWritesReadsBackTheSame() {
        for (String pattern : new String[] {"%Y-%m-%d %H:%i", "%m/%d/%Y %H:%i", "%d-%m-%Y %H:%i", "%Y-%m-%d %H:%i:%s"}) {
            var written = new DatePattern(pattern).format(T);
            var expected = pattern.contains("%s") ? T : T.withSecond(0);
            assertEquals(expected, SchedulerDates.parse(written).orElseThrow(), pattern);
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"%Y-%m-%d %H:%i", "%m/%d/%Y %H:%i", "%d-%m-%Y %H:%i", "%Y-%m-%d %H:%i:%s",
            "%j.%n.%y %G:%i", "%Y-%m-%dT%H:%i:%s", "%d.%m.%Y, %H:%i", "%Y"})
    void aPageMayAskForAnyShortFormatOfTheSchedulersTokens(String format) {
        assertEquals(new DatePattern(format).format(T), DatePattern.requested(format).format(T));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"%Y-%m-%d %H:%i %q", "%Y<img src=x onerror=alert(1)>", "%Y%", "%M %d",
            "%d %F %Y", "%h:%i %A", "- / :", "%Y\n%m"})
    void refusesOtherTokensMarkupAndFormatsWithoutAToken(String format) {
        var refused = assertThrows(MalformedRequestException.class, () -> DatePattern.requested(format));
        assertTrue(refused.getMessage().startsWith("date_format "), refused.getMessage());
        assertTrue(refused.getMessage().contains("%Y %y %m %n %d %j %H %G %i %s"), refused.getMessage());
    }

    @Test
    void refusesALongFormatWithItsLengthNotItsText() {
        String format = "%Y".repeat(15_000);
        var refused = assertThrows(MalformedRequestException.class, () -> DatePattern.requested(format));
        assertEquals("date_format has 30000 characters; at most 32", refused.getMessage());
        assertDoesNotThrow(() -> DatePattern.requested("%Y".repeat(16)));
    }
}
