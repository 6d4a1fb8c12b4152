package io.liveupdate.gantt.connector;

import io.liveupdate.gantt.GanttSave;
import io.liveupdate.gantt.GanttService;
import io.liveupdate.gantt.ItemSaveResult;
import io.liveupdate.gantt.ItemSaves;
import io.liveupdate.gantt.SavedItem;
import io.liveupdate.gantt.UnknownGanttItem;
import io.liveupdate.input.LogSafe;
import io.liveupdate.input.LoggableFailure;
import io.liveupdate.input.PlainId;
import io.liveupdate.json.Json;
import io.liveupdate.wire.GanttWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.OptionalLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies one save of a task or a link and answers it as the dataProcessor reads it: {@code action} ("inserted",
 * "updated", "deleted", or "invalid"/"error" with {@code message}), {@code tid} (the stored id), {@code sid} when the
 * page named its row, and {@code item}, the stored row (its new {@code version}; after a stale save, the row that won).
 * Running, retrying and explaining a save is the chart's ({@link ItemSaves}); this class reads the row and maps what
 * became of it to the answer.
 */
@ApplicationScoped
public class GanttSaves {

    private static final Logger LOG = Logger.getLogger(GanttSaves.class.getName());

    public enum Action { INSERT, UPDATE, DELETE }

    @Inject
    GanttService gantts;

    @Inject
    ItemSaves saves;

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
        ItemSaveResult result = saves.save(gantt, new RowSave(gantt, entity, action, id, fields));
        if (result instanceof ItemSaveResult.Refused refused) return refusal(gantt, entity, action, id, refused);
        return saved(((ItemSaveResult.Saved) result).saved(), id);
    }

    private static JsonObject saved(SavedItem saved, String id) {
        var answer = Json.createObjectBuilder().add("action", saved.action());
        if (id != null) answer.add("sid", id);
        return answer.add("tid", saved.id()).add("item", GanttWriter.item(saved.item())).build();
    }

    /** The row as the page sent it: its fields are read when it runs, so a field the rules refuse is a refusal too. */
    private final class RowSave implements GanttSave {
        private final String gantt;
        private final String entity;
        private final Action action;
        private final String id;
        private final JsonObject fields;

        RowSave(String gantt, String entity, Action action, String id, JsonObject fields) {
            this.gantt = gantt;
            this.entity = entity;
            this.action = action;
            this.id = id;
            this.fields = fields;
        }

        @Override
        public SavedItem run() {
            boolean task = GanttService.TASK.equals(entity);
            return switch (action) {
                case INSERT -> task ? gantts.insertTask(gantt, GanttFields.task(fields), id) : gantts.insertLink(gantt, GanttFields.link(fields), id);
                case UPDATE -> task ? gantts.updateTask(gantt, serverId(gantt, entity, id), GanttFields.task(fields))
                        : gantts.updateLink(gantt, serverId(gantt, entity, id), GanttFields.link(fields));
                case DELETE -> task ? gantts.deleteTask(gantt, serverId(gantt, entity, id), GanttFields.version(fields))
                        : gantts.deleteLink(gantt, serverId(gantt, entity, id), GanttFields.version(fields));
            };
        }

        @Override
        public boolean deletes() {
            return action == Action.DELETE;
        }

        @Override
        public String entity() {
            return entity;
        }

        @Override
        public OptionalLong itemId() {
            return action == Action.INSERT ? OptionalLong.empty() : OptionalLong.of(serverId(gantt, entity, id));
        }
    }

    private static JsonObject refusal(String gantt, String entity, Action action, String id, ItemSaveResult.Refused refused) {
        return switch (refused.failure()) {
            case INVALID -> refuse("invalid", gantt, entity, action, id, refused.reason(), null);
            case UNKNOWN -> refuse("error", gantt, entity, action, id, refused.reason(), null);
            case STALE -> refuse("error", gantt, entity, action, id, refused.reason(),
                    refused.current() == null ? null : GanttWriter.item(refused.current()));
            case FAILED -> {
                LOG.log(Level.WARNING, "Save of " + entity + " " + LogSafe.text(id) + " in gantt '" + gantt + "' failed", LoggableFailure.of(refused.cause()));
                yield refuse("error", gantt, entity, action, id, refused.reason(), null);
            }
        };
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
}
