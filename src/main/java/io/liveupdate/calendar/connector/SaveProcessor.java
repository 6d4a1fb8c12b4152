package io.liveupdate.calendar.connector;

import io.liveupdate.calendar.EventSave;
import io.liveupdate.calendar.EventSaves;
import io.liveupdate.calendar.EventService;
import io.liveupdate.calendar.EventView;
import io.liveupdate.calendar.SaveAction;
import io.liveupdate.calendar.SaveResult;
import io.liveupdate.calendar.SavedEvent;
import io.liveupdate.calendar.UnknownEventException;
import io.liveupdate.connector.RowChange;
import io.liveupdate.connector.SaveRequest;
import io.liveupdate.input.LogSafe;
import io.liveupdate.input.LoggableFailure;
import io.liveupdate.input.PlainId;
import io.liveupdate.json.Json;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the rows of a save, each on its own: a refused row is answered "invalid" (the data is wrong)
 * or "error" (unknown status or id, database failure) with its reason, and the other rows still save. Running,
 * retrying and explaining a save is the calendar's ({@link EventSaves}); this class reads the row and maps what
 * became of it to the client's answer.
 */
@ApplicationScoped
public class SaveProcessor {

    private static final Logger LOG = Logger.getLogger(SaveProcessor.class.getName());

    @Inject
    EventService events;
    @Inject
    EventSaves saves;

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
        SaveResult result = saves.save(calendar, new RowSave(calendar, action.get(), row));
        if (result instanceof SaveResult.Saved saved) {
            return new RowOutcome(saved.saved().action().wireName(), row.sid(), Json.createValue(saved.saved().event().id()), null, saved.saved().event());
        }
        return answer(calendar, row, (SaveResult.Refused) result);
    }

    /** The row as the calendar runs it. */
    private final class RowSave implements EventSave {
        private final String calendar;
        private final SaveAction action;
        private final RowChange row;

        RowSave(String calendar, SaveAction action, RowChange row) {
            this.calendar = calendar;
            this.action = action;
            this.row = row;
        }

        @Override
        public SavedEvent run() {
            return switch (action) {
                case INSERTED -> events.insert(calendar, EventDataReader.read(row.fields()), clientReference(row.sid()));
                case UPDATED -> events.update(calendar, serverId(calendar, row.sid()), EventDataReader.read(row.fields()));
                case DELETED -> events.delete(calendar, serverId(calendar, row.sid()), EventDataReader.editedVersion(row.fields()));
            };
        }

        @Override
        public boolean overwrites() {
            return action != SaveAction.INSERTED && EventDataReader.editedVersion(row.fields()) == null;
        }

        @Override
        public long eventId() {
            return serverId(calendar, row.sid());
        }
    }

    /** A failure kind as the dataProcessor reads it: "invalid" for wrong data, "error" (with the row that won, if stale) otherwise. */
    private static RowOutcome answer(String calendar, RowChange row, SaveResult.Refused refused) {
        return switch (refused.failure()) {
            case INVALID -> refuse("invalid", calendar, row, refused.reason());
            case UNKNOWN -> refuse("error", calendar, row, refused.reason());
            case STALE -> stale(calendar, row, refused.reason(), refused.current());
            case NOT_CONFIRMED -> {
                LOG.log(Level.WARNING, "Commit of row " + LogSafe.text(row.sid()) + " in calendar '" + calendar + "' failed; outcome unknown",
                        LoggableFailure.of(refused.cause()));
                yield refuse("error", calendar, row, refused.reason());
            }
            case FAILED -> {
                LOG.log(Level.WARNING, "Save of row " + LogSafe.text(row.sid()) + " in calendar '" + calendar + "' failed", LoggableFailure.of(refused.cause()));
                yield refuse("error", calendar, row, refused.reason());
            }
        };
    }

    /** "error", the reason, and the stored row that won (JSON answers carry it as item, so a page can show it). */
    private static RowOutcome stale(String calendar, RowChange row, String reason, EventView current) {
        LOG.info(() -> "Refused stale " + LogSafe.text(row.status()) + " of row " + LogSafe.text(row.sid()) + " in calendar '" + calendar + "': " + LogSafe.text(reason));
        return new RowOutcome("error", row.sid(), row.sid(), reason, current);
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
}
