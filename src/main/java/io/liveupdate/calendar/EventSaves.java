package io.liveupdate.calendar;

import io.liveupdate.persistence.SaveExceptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Runs one row's save and tells what became of it: an overwrite that loses a race to a concurrent commit is applied
 * again on the row as now stored; any failure is told as a {@link SaveFailure} with its reason, so a connector only
 * maps the kind to its client's answer and knows no JPA or JTA exception.
 */
@ApplicationScoped
public class EventSaves {

    /** How often an overwrite (a save naming no version) is tried when concurrent commits keep beating it. */
    static final int OVERWRITE_ATTEMPTS = 3;

    @Inject
    EventService events;

    public SaveResult save(String calendar, EventSave save) {
        try {
            return new SaveResult.Saved(runRetryingOverwrites(save));
        } catch (Exception e) {
            // Exception, not RuntimeException: a failed commit surfaces from the transaction interceptor as the
            // checked jakarta.transaction.RollbackException (seen when the database stops mid-commit).
            return refusal(calendar, save, e);
        }
    }

    /**
     * A save that names no version overwrites (last write wins), so losing a race to a concurrent commit is no
     * reason to refuse it: it is applied again on the row as now stored. A save that names one lost for good.
     */
    static SavedEvent runRetryingOverwrites(EventSave save) {
        for (int attempt = 1; ; attempt++) {
            try {
                return save.run();
            } catch (RuntimeException e) {
                if (attempt == OVERWRITE_ATTEMPTS || !SaveExceptions.lostOptimisticRace(e) || !save.overwrites()) throw e;
            }
        }
    }

    private SaveResult refusal(String calendar, EventSave save, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException) return refused(SaveFailure.INVALID, t.getMessage(), null, e);
            if (t instanceof UnknownEventException) return refused(SaveFailure.UNKNOWN, t.getMessage(), null, e);
            if (t instanceof StaleEventException stale) return refused(SaveFailure.STALE, stale.getMessage(), stale.current(), e);
        }
        if (SaveExceptions.lostOptimisticRace(e)) {
            // Both edits read the same version; the other committed first. Answer with what it stored.
            long id = save.eventId();
            var current = events.find(calendar, id);
            String reason = "event " + id + " was changed by someone else at the same time; it now shows their change";
            return refused(SaveFailure.STALE, current.isPresent() ? reason : "event " + id + " was deleted by someone else", current.orElse(null), e);
        }
        if (SaveExceptions.failedWhileCommitting(e)) {
            // The database may have committed before the connection broke: "not saved" could be a lie. The
            // change is fired only if the database has it (CommitConfirmation).
            return refused(SaveFailure.NOT_CONFIRMED, "not confirmed: the database failed while committing (" + SaveExceptions.rootMessage(e)
                    + "); it may have been saved, and is then sent live like any change", null, e);
        }
        return refused(SaveFailure.FAILED, "not saved: " + SaveExceptions.rootMessage(e), null, e);
    }

    private static SaveResult refused(SaveFailure failure, String reason, EventView current, Throwable cause) {
        return new SaveResult.Refused(failure, reason, current, cause);
    }
}
