package io.liveupdate.calendar;

/**
 * One row's save as a connector read it, for {@link EventSaves} to run, run again when it may, and explain when it
 * fails. The connector says what the save is; what a failure means is decided on this side.
 */
public interface EventSave {

    /** Runs the save, in a transaction of its own ({@link EventService}). */
    SavedEvent run();

    /**
     * Whether the save names no version and so overwrites (last write wins): losing a race to a concurrent commit
     * is then no reason to refuse it. Asked only after such a race.
     */
    boolean overwrites();

    /** The stored event the save changes; asked only when it lost a race, to show what won. */
    long eventId();
}
