package io.liveupdate.gantt;

import io.liveupdate.calendar.Calendars;

/** What a Gantt chart is called: the rule of calendar names, so every name a URL or channel carries is plain. */
public final class Gantts {

    public static final String NAME_RULE = "gantt names are 1 to 64 letters, digits, '-' or '_'";

    private Gantts() {
    }

    public static boolean isValidName(String name) {
        return Calendars.isValidName(name);
    }

    /** What a grant names for this chart ({@code gantt:<name>}), apart from the calendar of the same name. */
    public static String resource(String gantt) {
        return "gantt:" + gantt;
    }
}
