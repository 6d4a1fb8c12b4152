package io.liveupdate.gantt.connector;

import io.liveupdate.gantt.GanttRefusal;
import io.liveupdate.gantt.GanttService;
import io.liveupdate.gantt.SavedItem;
import io.liveupdate.gantt.StaleGanttItem;
import io.liveupdate.gantt.UnknownGanttItem;
import io.liveupdate.input.LogSafe;
import io.liveupdate.input.PlainId;
import io.liveupdate.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.OptimisticLockException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies one save of a task or a link and answers it as the dataProcessor reads it: {@code action} ("inserted",
 * "updated", "deleted", or "invalid"/"error" with {@code message}), {@code tid} (the stored id), {@code sid} when the
 * page named its row, and {@code item}, the stored row (its new {@code version}; after a stale save, the row that won).
 */
@ApplicationScoped
public class GanttSaves {

    private static final Logger LOG = Logger.getLogger(GanttSaves.class.getName());

    public enum Action { INSERT, UPDATE, DELETE }

    @Inject
    GanttService gantts;

    /**
     * @param entity {@link GanttService#TASK} or {@link GanttService#LINK}
     * @param id the row's id (the page's temporary id for an insert, if it sent one), or null
     */
    public JsonObject apply(String gantt, String entity, Action action, String id, JsonObject fields) {
        if (id != null && !PlainId.isPlain(id)) {
            // Never echoed: a page writes ids into its markup.
            return refuse("invalid", gantt, entity, action, null, "id refused: " + PlainId.rule(), null);
        }
        if (action == null) return refuse("error", gantt, entity, Action.UPDATE, id, "no known !nativeeditor_status for this row", null);
        try {
            SavedItem saved = saveRetryingDeletes(gantt, entity, action, id, fields);
            var answer = Json.createObjectBuilder().add("action", saved.action());
            if (id != null) answer.add("sid", id);
            return answer.add("tid", saved.id()).add("item", saved.item()).build();
        } catch (RuntimeException e) {
            return refusal(gantt, entity, action, id, e);
        }
    }

    /** How often a delete is tried when concurrent deletes of the same subtree keep beating it. */
    private static final int DELETE_ATTEMPTS = 3;

    /**
     * With {@code cascade_delete} on, the client sends the DELETEs of a parent, its children and their links at once,
     * and the parent's delete deletes them too: one of two deletes of the same row loses at flush. A delete that lost
     * such a race is tried again on what is stored now, where that row is simply gone.
     */
    private SavedItem saveRetryingDeletes(String gantt, String entity, Action action, String id, JsonObject fields) {
        for (int attempt = 1; ; attempt++) {
            try {
                return save(gantt, entity, action, id, fields);
            } catch (RuntimeException e) {
                if (action != Action.DELETE || attempt == DELETE_ATTEMPTS || !isConcurrentCommit(e)) throw e;
            }
        }
    }

    private static boolean isConcurrentCommit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof org.eclipse.persistence.exceptions.OptimisticLockException) return true;
            // PostgreSQL's deadlock (40P01) and serialization failure (40001): the other transaction went on
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) return true;
        }
        return false;
    }

    private SavedItem save(String gantt, String entity, Action action, String id, JsonObject fields) {
        boolean task = GanttService.TASK.equals(entity);
        return switch (action) {
            case INSERT -> task ? gantts.insertTask(gantt, GanttFields.task(fields), id) : gantts.insertLink(gantt, GanttFields.link(fields), id);
            case UPDATE -> task ? gantts.updateTask(gantt, serverId(gantt, entity, id), GanttFields.task(fields))
                    : gantts.updateLink(gantt, serverId(gantt, entity, id), GanttFields.link(fields));
            case DELETE -> task ? gantts.deleteTask(gantt, serverId(gantt, entity, id), GanttFields.version(fields))
                    : gantts.deleteLink(gantt, serverId(gantt, entity, id), GanttFields.version(fields));
        };
    }

    private JsonObject refusal(String gantt, String entity, Action action, String id, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof GanttRefusal) return refuse("invalid", gantt, entity, action, id, t.getMessage(), null);
            if (t instanceof UnknownGanttItem) return refuse("error", gantt, entity, action, id, t.getMessage(), null);
            if (t instanceof StaleGanttItem stale) return refuse("error", gantt, entity, action, id, t.getMessage(), stale.current());
            if (isConcurrentCommit(t) && id != null) {
                // Both edits read the same version; the other committed first. Answer with what it stored.
                var current = gantts.stored(gantt, entity, serverId(gantt, entity, id));
                return refuse("error", gantt, entity, action, id, entity + " " + id + (current.isPresent()
                        ? " was changed by someone else at the same time; it now shows their change" : " was deleted by someone else"),
                        current.orElse(null));
            }
        }
        LOG.log(Level.WARNING, "Save of " + entity + " " + LogSafe.text(id) + " in gantt '" + gantt + "' failed", e);
        return refuse("error", gantt, entity, action, id, "not saved: " + rootMessage(e), null);
    }

    private static JsonObject refuse(String verdict, String gantt, String entity, Action action, String id, String reason, JsonObject current) {
        LOG.info(() -> "Refused " + action + " of " + entity + " " + LogSafe.text(id) + " in gantt '" + gantt + "': " + verdict + ", "
                + LogSafe.text(reason));
        JsonObjectBuilder answer = Json.createObjectBuilder().add("action", verdict).add("message", reason);
        if (id != null) answer.add("sid", id);
        if (current != null) answer.add("item", current);
        return answer.build();
    }

    private static long serverId(String gantt, String entity, String id) {
        try {
            return Long.parseLong(id == null ? "" : id.trim());
        } catch (NumberFormatException e) {
            throw new UnknownGanttItem(gantt, entity, LogSafe.quoted(id));
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
