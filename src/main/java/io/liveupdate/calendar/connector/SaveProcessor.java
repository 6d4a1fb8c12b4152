package io.liveupdate.calendar.connector;

import io.liveupdate.calendar.EventService;
import io.liveupdate.calendar.InvalidEventException;
import io.liveupdate.calendar.SaveAction;
import io.liveupdate.calendar.SavedEvent;
import io.liveupdate.calendar.UnknownEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies the rows of a save, each on its own: a refused row is answered "invalid" (the data is wrong)
 * or "error" (unknown status or id, database failure) with its reason, and the other rows still save.
 */
@ApplicationScoped
public class SaveProcessor {

    private static final Logger LOG = Logger.getLogger(SaveProcessor.class.getName());

    @Inject
    EventService events;

    public List<RowOutcome> apply(String calendar, SaveRequest request) {
        return request.rows().stream().map(row -> apply(calendar, row)).toList();
    }

    private RowOutcome apply(String calendar, RowChange row) {
        var action = SaveAction.fromStatus(row.status());
        if (action.isEmpty()) {
            String reason = row.status() == null ? "no !nativeeditor_status for this row" : "unknown status '" + row.status() + "'";
            return refuse("error", calendar, row, reason);
        }
        try {
            SavedEvent saved = switch (action.get()) {
                case INSERTED -> events.insert(calendar, EventDataReader.read(row.fields()), clientReference(row.sid()));
                case UPDATED -> events.update(calendar, serverId(calendar, row.sid()), EventDataReader.read(row.fields()));
                case DELETED -> events.delete(calendar, serverId(calendar, row.sid()));
            };
            return new RowOutcome(saved.action().wireName(), row.sid(), Json.createValue(saved.event().id()), null, saved.event());
        } catch (RuntimeException e) {
            return refusal(calendar, row, e);
        }
    }

    private RowOutcome refusal(String calendar, RowChange row, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidEventException) return refuse("invalid", calendar, row, t.getMessage());
            if (t instanceof UnknownEventException) return refuse("error", calendar, row, t.getMessage());
        }
        LOG.log(Level.WARNING, "Save of row " + row.sid() + " in calendar '" + calendar + "' failed", e);
        return refuse("error", calendar, row, "not saved: " + rootMessage(e));
    }

    private static RowOutcome refuse(String action, String calendar, RowChange row, String reason) {
        LOG.info(() -> "Refused " + row.status() + " of row " + row.sid() + " in calendar '" + calendar + "': " + action + ", " + reason);
        return RowOutcome.refused(action, row.sid(), reason);
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
