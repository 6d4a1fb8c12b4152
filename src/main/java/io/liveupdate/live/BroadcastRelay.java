package io.liveupdate.live;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.Connection;
import io.liveupdate.bayeux.Extension;
import io.liveupdate.calendar.EventChanged;
import io.liveupdate.calendar.EventService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The old Node hub's only logic, repaired: a client's publish on {@code /broadcast} is relayed to {@code /update}.
 * A change the server already published after its commit is not relayed again (the original plugin re-publishes
 * each of its saves), and when the relayed id is an event of the default calendar, the data sent on is the row
 * as stored, so an insert published with {@code data:{}} arrives complete. Anything else is relayed as it came.
 */
@ApplicationScoped
public class BroadcastRelay implements Extension {

    private static final Logger LOG = Logger.getLogger(BroadcastRelay.class.getName());

    @Inject
    BayeuxServer bayeux;
    @Inject
    EventService events;
    @Inject
    RecentPublications recent;

    @Override
    public JsonObject incoming(JsonObject message, Connection connection) {
        if (!CalendarChannels.BROADCAST.equals(text(message.get("channel")))) return message;
        if (!(message.get("data") instanceof JsonObject update)) return message;
        String tid = text(update.get("tid"));
        String status = text(update.get("status"));
        if (tid == null || status == null) return message;
        if (recent.wasPublished(CalendarChannels.DEFAULT_CALENDAR, tid, normalised(status))) return message;
        bayeux.publish(CalendarChannels.UPDATE, repaired(update, tid, status));
        return message;
    }

    private JsonObject repaired(JsonObject update, String tid, String status) {
        Optional<JsonObject> stored = storedRow(tid, status);
        if (stored.isEmpty()) return update;
        LOG.fine(() -> "Relaying /broadcast of event " + tid + " with its stored row");
        return Json.createObjectBuilder(update).add("data", stored.get()).build();
    }

    private Optional<JsonObject> storedRow(String tid, String status) {
        if (normalised(status).equals("deleted")) return Optional.empty();
        try {
            long id = Long.parseLong(tid);
            return events.find(CalendarChannels.DEFAULT_CALENDAR, id)
                    .map(view -> LegacyUpdatePayload.of(new EventChanged(EventChanged.Kind.UPDATED, view, null)).getJsonObject("data"));
        } catch (NumberFormatException e) {
            return Optional.empty(); // not one of our events: another component's ids
        }
    }

    private static String normalised(String status) {
        return switch (status) {
            case "insert" -> "inserted";
            case "update" -> "updated";
            case "delete" -> "deleted";
            default -> status;
        };
    }

    private static String text(JsonValue value) {
        if (value instanceof JsonString s) return s.getString();
        return value == null || value == JsonValue.NULL ? null : value.toString();
    }
}
