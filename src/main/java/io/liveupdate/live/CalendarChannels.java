package io.liveupdate.live;

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

    /** Channels only the server publishes on. */
    public static boolean isServerOwned(String channel) {
        return UPDATE.equals(channel) || channel.startsWith(CALENDARS_PREFIX) || channel.equals("/calendars");
    }
}
