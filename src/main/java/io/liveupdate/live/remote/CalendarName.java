package io.liveupdate.live.remote;

import io.liveupdate.calendar.Calendars;
import java.util.Optional;

/**
 * The calendar a RemoteEvents page follows: {@code ?calendar=<name>} on the URL it gives RemoteEvents, the
 * calendar {@code default} (that of {@code /api/events}) without it. Names follow the connector's rule.
 */
final class CalendarName {

    static final String PARAMETER = "calendar";
    static final String RULE = Calendars.NAME_RULE;

    private CalendarName() {
    }

    /** The calendar named by a query parameter (null or absent: default), or empty when the name is not valid. */
    static Optional<String> of(String parameter) {
        if (parameter == null) return Optional.of(Calendars.DEFAULT);
        return Calendars.isValidName(parameter) ? Optional.of(parameter) : Optional.empty();
    }
}
