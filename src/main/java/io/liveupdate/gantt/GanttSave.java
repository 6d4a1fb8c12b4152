package io.liveupdate.gantt;

import java.util.OptionalLong;

/**
 * One save of a task or a link as a connector read it, for {@link ItemSaves} to run, run again when it may, and
 * explain when it fails. The connector says what the save is; what a failure means is decided on this side.
 */
public interface GanttSave {

    /** Runs the save, in a transaction of its own ({@link GanttService}). */
    SavedItem run();

    /** Whether it deletes: a delete that lost a race to a concurrent delete of the same row is run again. */
    boolean deletes();

    /** {@link GanttService#TASK} or {@link GanttService#LINK}. */
    String entity();

    /** The stored item the save changes, asked only when it lost a race, to show what won; empty for an insert. */
    OptionalLong itemId();
}
