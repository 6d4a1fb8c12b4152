package io.liveupdate.remote;

import io.liveupdate.calendar.Calendars;
import io.liveupdate.calendar.ChangeRecords;
import io.liveupdate.gantt.GanttChanges;
import io.liveupdate.gantt.Gantts;
import io.liveupdate.persistence.LoggedChange;
import java.util.Set;

/**
 * What a RemoteEvents page follows, named on the URL it gives the client: a calendar ({@code ?calendar=<name>}, the
 * calendar {@code default} when the URL names nothing) with its entity {@code events}, or a dhtmlxGantt chart
 * ({@code ?gantt=<name>}) with its entities {@code tasks} and {@code links}. Each is one stream of the change log,
 * which numbers its changes for the catch-up, and one resource of the grants.
 */
public record RemoteTarget(Kind kind, String name) {

    /** A calendar or a Gantt chart. */
    public enum Kind { CALENDAR, GANTT }

    /** The query parameters that name the calendar or chart, on the handshake and the socket alike. */
    public static final String CALENDAR_PARAMETER = "calendar";
    public static final String GANTT_PARAMETER = "gantt";
    static final String EVENTS = "events";
    static final String TASKS = "tasks";
    static final String LINKS = "links";

    static RemoteTarget calendar(String name) {
        return new RemoteTarget(Kind.CALENDAR, name);
    }

    static RemoteTarget gantt(String name) {
        return new RemoteTarget(Kind.GANTT, name);
    }

    /**
     * The target the URL's parameters name (each null when absent).
     *
     * @throws IllegalArgumentException with the reason, for an invalid name or a URL naming both
     */
    static RemoteTarget of(String calendar, String gantt) {
        if (calendar != null && gantt != null) throw new IllegalArgumentException("name a calendar or a gantt, not both");
        if (gantt != null) {
            if (!Gantts.isValidName(gantt)) throw new IllegalArgumentException(Gantts.NAME_RULE);
            return gantt(gantt);
        }
        if (calendar == null) return calendar(Calendars.DEFAULT);
        if (!Calendars.isValidName(calendar)) throw new IllegalArgumentException(Calendars.NAME_RULE);
        return calendar(calendar);
    }

    /** The change-log stream whose numbered changes the page is sent. */
    String stream() {
        return kind == Kind.CALENDAR ? ChangeRecords.streamOf(name) : GanttChanges.streamOf(name);
    }

    /** What a grant names for it: the calendar's name, or {@code gantt:<name>}. */
    String resource() {
        return kind == Kind.CALENDAR ? name : Gantts.resource(name);
    }

    /** The entities a page subscribes to. */
    Set<String> entities() {
        return kind == Kind.CALENDAR ? Set.of(EVENTS) : Set.of(TASKS, LINKS);
    }

    /** A logged change of {@link #stream()} as the page is sent it. */
    String payload(LoggedChange change) {
        return kind == Kind.CALENDAR ? RemotePayload.event(ChangeRecords.fromJson(change)) : RemotePayload.ganttChange(change.payload());
    }

    @Override
    public String toString() {
        return (kind == Kind.CALENDAR ? "calendar " : "gantt ") + name;
    }
}
