package io.liveupdate.calendar.connector;

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
}
