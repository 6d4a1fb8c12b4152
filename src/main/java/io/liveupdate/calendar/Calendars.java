package io.liveupdate.calendar;

import java.util.regex.Pattern;

/** What a calendar is called: the one rule every URL and channel that names a calendar follows. */
public final class Calendars {

    /** The calendar of {@code /api/events}, of the {@code /update} channel and of RemoteEvents without a name. */
    public static final String DEFAULT = "default";
    public static final String NAME_RULE = "calendar names are 1 to 64 letters, digits, '-' or '_'";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Calendars() {
    }

    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }
}
