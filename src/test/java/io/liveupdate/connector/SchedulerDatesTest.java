package io.liveupdate.connector;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SchedulerDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2025-04-01 09:05        | 2025-04-01T09:05:00",   // v7 date_format default
            "2025-04-01 09:05:30     | 2025-04-01T09:05:30",   // with seconds
            "2025/04/01 09:05        | 2025-04-01T09:05:00",
            "2025-4-1 9:05           | 2025-04-01T09:05:00",
            "2025-04-01              | 2025-04-01T00:00:00",   // load_date, for from/to
            "04/01/2025 09:05        | 2025-04-01T09:05:00",   // pre-7 xml_date default %m/%d/%Y %H:%i
            "01-04-2025 09:05        | 2025-04-01T09:05:00",   // api_date %d-%m-%Y %H:%i
            "2025-04-01T09:05:00     | 2025-04-01T09:05:00",   // ISO local
            "2025-04-01T09:05:00.123 | 2025-04-01T09:05:00.123",
            "2025-04-01T09:05:00Z    | 2025-04-01T09:05:00",   // zoned ISO: UTC wall clock
            "2025-04-01T11:05:00+02:00 | 2025-04-01T09:05:00",
            "2025-04-01T11:05:00+0200  | 2025-04-01T09:05:00",
            "1743498300000           | 2025-04-01T09:05:00",   // epoch millis
    })
    void readsEveryFormTheClientAccepts(String text, String expected) {
        assertEquals(LocalDateTime.parse(expected), SchedulerDates.parse(text).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "tomorrow", "2025-13-01 09:00", "2025-02-30", "31/12/2025", "2025-04-01 25:00", "12345"})
    void refusesWhatIsNotADate(String text) {
        assertTrue(SchedulerDates.parse(text).isEmpty(), text);
    }

    @ParameterizedTest(name = "{0} characters")
    @ValueSource(ints = {65, 1_000, 20_000})
    void refusesOverLongTextBeforeAnyPatternSeesIt(int length) {
        for (String text : new String[] {"T".repeat(length), "2025-04-01T09:05:00Z" + " ".repeat(length), "1".repeat(length)}) {
            assertTrue(SchedulerDates.isTooLong(text));
            assertTrue(SchedulerDates.parse(text).isEmpty());
        }
        assertEquals("start_date has " + length + " characters; a date has at most 64",
                SchedulerDates.tooLong("start_date", "T".repeat(length)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT", "2025-04-01T09:05:00+02:00Z",
            "xT09:05:00Z", "2025-04-01T09:05:00+2:00", "2025-04-01 T 09:05Z"})
    void aZoneIsReadOnlyFromAnIsoDateTime(String text) {
        assertFalse(SchedulerDates.isTooLong(text));
        assertTrue(SchedulerDates.parse(text).isEmpty(), text);
    }

    @org.junit.jupiter.api.Test
    void theLongestAcceptedFormFitsTheBound() {
        String longest = "2025-04-01T11:05:00.123456789+02:00";
        assertEquals(LocalDateTime.parse("2025-04-01T09:05:00.123456789"), SchedulerDates.parse(longest).orElseThrow());
        assertTrue(longest.length() <= SchedulerDates.MAX_LENGTH);
    }
}
