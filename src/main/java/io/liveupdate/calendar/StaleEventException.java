package io.liveupdate.calendar;

/**
 * A save made on a version of the event that is no longer the stored one: someone else's change won. Carries the
 * stored row, so the refused client can be shown what won.
 */
public class StaleEventException extends RuntimeException {

    private final transient EventView current;

    public StaleEventException(EventView current, long editedVersion) {
        super("event " + current.id() + " was changed by someone else (this edit was made on version " + editedVersion
                + ", the stored one is version " + current.version() + "); it now shows their change");
        this.current = current;
    }

    public EventView current() {
        return current;
    }
}
