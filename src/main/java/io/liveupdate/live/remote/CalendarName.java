package io.liveupdate.live.remote;

import io.liveupdate.calendar.connector.CalendarEventsResource;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The calendar a RemoteEvents page follows: {@code ?calendar=<name>} on the URL it gives RemoteEvents, the
 * calendar {@code default} (that of {@code /api/events}) without it. Names follow the connector's rule.
 */
final class CalendarName {

    static final String PARAMETER = "calendar";
    static final String RULE = "calendar names are 1 to 64 letters, digits, '-' or '_'";
    // The same rule as CalendarEventsResource, whose pattern is private.
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private CalendarName() {
    }

    /** The calendar named by a query parameter (null or absent: default), or empty when the name is not valid. */
    static Optional<String> of(String parameter) {
        if (parameter == null) return Optional.of(CalendarEventsResource.DEFAULT_CALENDAR);
        return NAME.matcher(parameter).matches() ? Optional.of(parameter) : Optional.empty();
    }
}
