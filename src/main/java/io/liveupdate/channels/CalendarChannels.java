package io.liveupdate.channels;

import io.liveupdate.calendar.Calendars;
import java.util.Optional;

/**
 * The legacy live-update channel pair. The default calendar uses the channels of the original Node hub
 * ({@code /broadcast} in, {@code /update} out); another calendar publishes on {@code /calendars/<name>/update}.
 * Both output channels are owned by the server: clients may not publish on them.
 */
public final class CalendarChannels {

    public static final String DEFAULT_CALENDAR = io.liveupdate.calendar.Calendars.DEFAULT;
    public static final String BROADCAST = "/broadcast";
    public static final String UPDATE = "/update";
    public static final String CALENDARS_PREFIX = "/calendars/";

    private CalendarChannels() {
    }

    public static String updateChannel(String calendar) {
        return DEFAULT_CALENDAR.equals(calendar) ? UPDATE : CALENDARS_PREFIX + calendar + "/update";
    }

    /** The calendar whose update channel this is, if it is one. */
    public static Optional<String> calendarOf(String channel) {
        if (UPDATE.equals(channel)) return Optional.of(DEFAULT_CALENDAR);
        if (channel == null || !channel.startsWith(CALENDARS_PREFIX) || !channel.endsWith("/update")) return Optional.empty();
        String name = channel.substring(CALENDARS_PREFIX.length(), channel.length() - "/update".length());
        return Calendars.isValidName(name) ? Optional.of(name) : Optional.empty();
    }

    /** Channels only the server publishes on (the Gantt charts' too, {@link GanttChannels}). */
    public static boolean isServerOwned(String channel) {
        return UPDATE.equals(channel) || channel.startsWith(CALENDARS_PREFIX) || channel.equals("/calendars")
                || GanttChannels.isServerOwned(channel);
    }
}
