package io.liveupdate.gantt;

import io.liveupdate.persistence.SaveExceptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.OptionalLong;

/**
 * Runs one save of a task or a link and tells what became of it, as {@code calendar.EventSaves} does for events: a
 * delete that loses a race to a concurrent delete is run again on what is stored now; any failure is told as a
 * {@link GanttFailure} with its reason, so a connector only maps the kind to its client's answer and knows no JPA or
 * JTA exception.
 */
@ApplicationScoped
public class ItemSaves {

    /** How often a delete is tried when concurrent deletes of the same subtree keep beating it. */
    static final int DELETE_ATTEMPTS = 3;

    @Inject
    GanttService gantts;

    public ItemSaveResult save(String gantt, GanttSave save) {
        try {
            return new ItemSaveResult.Saved(runRetryingDeletes(save));
        } catch (Exception e) {
            // Exception, not RuntimeException: a failed commit surfaces from the transaction interceptor as the
            // checked jakarta.transaction.RollbackException.
            return refusal(gantt, save, e);
        }
    }

    /**
     * With {@code cascade_delete} on, the client sends the DELETEs of a parent, its children and their links at once,
     * and the parent's delete deletes them too: one of two deletes of the same row loses at flush. A delete that lost
     * such a race is tried again on what is stored now, where that row is simply gone.
     */
    static SavedItem runRetryingDeletes(GanttSave save) {
        for (int attempt = 1; ; attempt++) {
            try {
                return save.run();
            } catch (RuntimeException e) {
                if (!save.deletes() || attempt == DELETE_ATTEMPTS || !lostARace(e)) throw e;
            }
        }
    }

    private ItemSaveResult refusal(String gantt, GanttSave save, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GanttRefusal) return refused(GanttFailure.INVALID, t.getMessage(), null, e);
            if (t instanceof UnknownGanttItem) return refused(GanttFailure.UNKNOWN, t.getMessage(), null, e);
            if (t instanceof StaleGanttItem stale) return refused(GanttFailure.STALE, t.getMessage(), stale.current(), e);
        }
        OptionalLong id = lostARace(e) ? save.itemId() : OptionalLong.empty();
        if (id.isPresent()) {
            // Both edits read the same version; the other committed first. Answer with what it stored.
            var current = gantts.stored(gantt, save.entity(), id.getAsLong());
            String what = save.entity() + " " + id.getAsLong();
            return refused(GanttFailure.STALE, current.isPresent() ? what + " was changed by someone else at the same time; it now shows their change"
                    : what + " was deleted by someone else", current.orElse(null), e);
        }
        return refused(GanttFailure.FAILED, "not saved: " + SaveExceptions.rootMessage(e), null, e);
    }

    private static ItemSaveResult refused(GanttFailure failure, String reason, JsonObject current, Throwable cause) {
        return new ItemSaveResult.Refused(failure, reason, current, cause);
    }

    /** An optimistic lock lost, or the database refusing the transaction for a concurrent one (PostgreSQL's 40xxx). */
    static boolean lostARace(Throwable e) {
        return SaveExceptions.lostOptimisticRace(e) || SaveExceptions.lostToAConcurrentTransaction(e);
    }
}
