package io.liveupdate.calendar;

/** An update or delete names an event this calendar does not have: the client is told "error". */
public class UnknownEventException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownEventException(String calendar, Object id) {
        super("no event with id " + id + " in calendar '" + calendar + "'");
    }
}
