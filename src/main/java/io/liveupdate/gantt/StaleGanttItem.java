package io.liveupdate.gantt;

import jakarta.json.JsonObject;

/**
 * A save made on a version that is no longer the stored one: someone else's change won (or a Ctrl+Z replayed an
 * old state over it). Carries the stored item, so the refused page can be shown what won.
 */
public class StaleGanttItem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient JsonObject current;

    public StaleGanttItem(String what, long id, long editedVersion, long storedVersion, JsonObject current) {
        super(what + " " + id + " was changed by someone else (this edit was made on version " + editedVersion
                + ", the stored one is version " + storedVersion + "); it now shows their change");
        this.current = current;
    }

    public JsonObject current() {
        return current;
    }
}
