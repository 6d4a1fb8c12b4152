package io.liveupdate.calendar.connector;

import io.liveupdate.calendar.EventService;
import io.liveupdate.calendar.EventView;
import io.liveupdate.calendar.InvalidEventException;
import io.liveupdate.calendar.SaveAction;
import io.liveupdate.calendar.SavedEvent;
import io.liveupdate.calendar.StaleEventException;
import io.liveupdate.calendar.UnknownEventException;
import io.liveupdate.input.LogSafe;
import io.liveupdate.input.PlainId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.liveupdate.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the rows of a save, each on its own: a refused row is answered "invalid" (the data is wrong)
 * or "error" (unknown status or id, database failure) with its reason, and the other rows still save.
 */
@ApplicationScoped
public class SaveProcessor {

    /** How often an overwrite (a save naming no version) is tried when concurrent commits keep beating it. */
    private static final int OVERWRITE_ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger(SaveProcessor.class.getName());

    @Inject
    EventService events;

    public List<RowOutcome> apply(String calendar, SaveRequest request) {
        return request.rows().stream().map(row -> apply(calendar, row)).toList();
    }

    private RowOutcome apply(String calendar, RowChange row) {
        if (!isPlainOrMissing(row.sid())) {
            return refuse("invalid", calendar, row, "id " + LogSafe.quoted(clientReference(row.sid())) + " refused: " + PlainId.rule());
        }
        var action = SaveAction.fromStatus(row.status());
        if (action.isEmpty()) {
            String reason = row.status() == null ? "no !nativeeditor_status for this row" : "unknown status " + LogSafe.quoted(row.status());
            return refuse("error", calendar, row, reason);
        }
        try {
            SavedEvent saved = saveRetryingOverwrites(calendar, action.get(), row);
            return new RowOutcome(saved.action().wireName(), row.sid(), Json.createValue(saved.event().id()), null, saved.event());
        } catch (Exception e) {
            // Exception, not RuntimeException: a failed commit surfaces from the transaction interceptor as the
            // checked jakarta.transaction.RollbackException (seen when the database stops mid-commit).
            return refusal(calendar, row, e);
        }
    }

    /**
     * A save that names no version overwrites (last write wins), so losing a race to a concurrent commit is no
     * reason to refuse it: it is applied again on the row as now stored. A save that names one lost for good.
     */
    private SavedEvent saveRetryingOverwrites(String calendar, SaveAction action, RowChange row) {
        for (int attempt = 1; ; attempt++) {
            try {
                return save(calendar, action, row);
            } catch (RuntimeException e) {
                boolean overwrite = action != SaveAction.INSERTED && EventDataReader.editedVersion(row.fields()) == null;
                if (!overwrite || attempt == OVERWRITE_ATTEMPTS || !isConcurrentCommit(e)) throw e;
            }
        }
    }

    private SavedEvent save(String calendar, SaveAction action, RowChange row) {
        return switch (action) {
            case INSERTED -> events.insert(calendar, EventDataReader.read(row.fields()), clientReference(row.sid()));
            case UPDATED -> events.update(calendar, serverId(calendar, row.sid()), EventDataReader.read(row.fields()));
            case DELETED -> events.delete(calendar, serverId(calendar, row.sid()), EventDataReader.editedVersion(row.fields()));
        };
    }

    private RowOutcome refusal(String calendar, RowChange row, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException) return refuse("invalid", calendar, row, t.getMessage());
            if (t instanceof UnknownEventException) return refuse("error", calendar, row, t.getMessage());
            if (t instanceof StaleEventException stale) return stale(calendar, row, stale.getMessage(), stale.current());
        }
        if (isConcurrentCommit(e)) {
            // Both edits read the same version; the other committed first. Answer with what it stored.
            long id = serverId(calendar, row.sid());
            var current = events.find(calendar, id);
            String reason = "event " + id + " was changed by someone else at the same time; it now shows their change";
            return stale(calendar, row, current.isPresent() ? reason : "event " + id + " was deleted by someone else", current.orElse(null));
        }
        if (failedWhileCommitting(e)) {
            // The database may have committed before the connection broke: "not saved" could be a lie. The
            // change is fired only if the database has it (calendar.CommitConfirmation).
            LOG.log(Level.WARNING, "Commit of row " + LogSafe.text(row.sid()) + " in calendar '" + calendar + "' failed; outcome unknown", LoggableFailure.of(e));
            return refuse("error", calendar, row, "not confirmed: the database failed while committing (" + rootMessage(e)
                    + "); it may have been saved, and is then sent live like any change");
        }
        LOG.log(Level.WARNING, "Save of row " + LogSafe.text(row.sid()) + " in calendar '" + calendar + "' failed", LoggableFailure.of(e));
        return refuse("error", calendar, row, "not saved: " + rootMessage(e));
    }

    /** "error", the reason, and the stored row that won (JSON answers carry it as item, so a page can show it). */
    private static RowOutcome stale(String calendar, RowChange row, String reason, EventView current) {
        LOG.info(() -> "Refused stale " + LogSafe.text(row.status()) + " of row " + LogSafe.text(row.sid()) + " in calendar '" + calendar + "': " + LogSafe.text(reason));
        return new RowOutcome("error", row.sid(), row.sid(), reason, current);
    }

    /** JPA's optimistic lock failed at flush: another transaction committed a newer version first. */
    private static boolean isConcurrentCommit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException
                    || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException) return true;
        }
        return false;
    }

    /** The work was done and the commit itself failed: only the transaction manager throws these. */
    private static boolean failedWhileCommitting(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RollbackException || t instanceof HeuristicMixedException || t instanceof HeuristicRollbackException) return true;
        }
        return false;
    }

    private static RowOutcome refuse(String action, String calendar, RowChange row, String reason) {
        LOG.info(() -> "Refused " + LogSafe.text(row.status()) + " of row " + LogSafe.text(row.sid()) + " in calendar '" + calendar + "': "
                + action + ", " + LogSafe.text(reason));
        return RowOutcome.refused(action, row.sid(), reason);
    }

    /**
     * The id a client knows its row by (a temporary id such as 1700000000000, or a server id) goes back to pages in
     * answers and live payloads, which write it into markup: only a {@link PlainId} is taken. An insert may name none.
     */
    private static boolean isPlainOrMissing(JsonValue sid) {
        if (sid == null || sid == JsonValue.NULL) return true;
        if (sid instanceof JsonNumber n) return n.isIntegral() && PlainId.isPlain(n.toString());
        return sid instanceof JsonString s && PlainId.isPlain(s.getString());
    }

    private static String clientReference(JsonValue sid) {
        if (sid == null || sid == JsonValue.NULL) return null;
        return sid instanceof JsonString s ? s.getString() : sid.toString();
    }

    private static long serverId(String calendar, JsonValue sid) {
        if (sid instanceof JsonNumber n && n.isIntegral()) return n.longValue();
        if (sid instanceof JsonString s) {
            try {
                return Long.parseLong(s.getString().trim());
            } catch (NumberFormatException e) {
                // falls through: the scheduler's own ids are whole numbers
            }
        }
        throw new UnknownEventException(calendar, sid);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
