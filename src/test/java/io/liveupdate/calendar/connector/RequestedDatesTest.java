package io.liveupdate.calendar.connector;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.connector.MalformedRequestException;
import io.liveupdate.connector.SchedulerDates;
import io.liveupdate.wire.DatePattern;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The date formats a page may ask for (RequestedDates), and how the dates written in them read back. */
class RequestedDatesTest {

    private static final LocalDateTime T = LocalDateTime.of(2025, 4, 1, 9, 5, 7);

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
        assertEquals(new DatePattern(format).format(T), RequestedDates.of(format).format(T));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"%Y-%m-%d %H:%i %q", "%Y<img src=x onerror=alert(1)>", "%Y%", "%M %d",
            "%d %F %Y", "%h:%i %A", "- / :", "%Y\n%m"})
    void refusesOtherTokensMarkupAndFormatsWithoutAToken(String format) {
        var refused = assertThrows(MalformedRequestException.class, () -> RequestedDates.of(format));
        assertTrue(refused.getMessage().startsWith("date_format "), refused.getMessage());
        assertTrue(refused.getMessage().contains("%Y %y %m %n %d %j %H %G %i %s"), refused.getMessage());
    }

    @Test
    void refusesALongFormatWithItsLengthNotItsText() {
        String format = "%Y".repeat(15_000);
        var refused = assertThrows(MalformedRequestException.class, () -> RequestedDates.of(format));
        assertEquals("date_format has 30000 characters; at most 32", refused.getMessage());
        assertDoesNotThrow(() -> RequestedDates.of("%Y".repeat(16)));
    }
}
