package io.liveupdate.gantt;

import jakarta.json.JsonObject;

/** What became of one save of a task or a link ({@link ItemSaves}): saved, or refused with a kind and a reason. */
public sealed interface ItemSaveResult {

    record Saved(SavedItem saved) implements ItemSaveResult {
    }

    /**
     * @param current the stored item that won, for {@link GanttFailure#STALE}; null otherwise, or when it was deleted
     * @param cause   the failure as thrown, for the log
     */
    record Refused(GanttFailure failure, String reason, JsonObject current, Throwable cause) implements ItemSaveResult {
    }
}
