package io.liveupdate.calendar;

/** What became of one row's save ({@link EventSaves}): saved, or refused with a kind and a reason. */
public sealed interface SaveResult {

    record Saved(SavedEvent saved) implements SaveResult {
    }

    /**
     * @param current the stored row that won, for {@link SaveFailure#STALE}; null otherwise, or when it was deleted
     * @param cause   the failure as thrown, for the log
     */
    record Refused(SaveFailure failure, String reason, EventView current, Throwable cause) implements SaveResult {
    }
}
