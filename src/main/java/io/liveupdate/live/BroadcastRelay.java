package io.liveupdate.live;

import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.Connection;
import io.liveupdate.bayeux.Extension;
import io.liveupdate.calendar.EventChanged;
import io.liveupdate.calendar.EventService;
import io.liveupdate.channels.CalendarChannels;
import io.liveupdate.input.LogSafe;
import io.liveupdate.input.PlainId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The old Node hub's only logic, made safe: a client's publish on {@code /broadcast} names a change
 * ({@code {sid, tid, status, data}}), and only what the database confirms is sent on {@code /update}. Anyone may
 * publish on {@code /broadcast} (no session is needed when security is off), so nothing of the message itself is
 * passed on: when {@code tid} is the id of an event stored in the default calendar, {@code /update} gets that event
 * as stored ({@code status:"updated"}, the stored row as data, exactly what {@link LegacyUpdatePayload} makes of a
 * commit); anything else (an id not stored, a grid's or a tree's ids, markup) is not relayed.
 *
 * <p>The server already publishes every commit ({@link LegacyUpdatePublisher}), so the legacy plugin's pages lose
 * nothing: the plugin's own re-publish after each save is dropped as a change the server has just published, and a
 * row changed by other means (SQL) reaches pages when someone names it here.
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
        storedChange(tid).ifPresentOrElse(
                this::relay,
                () -> LOG.fine(() -> "Not relaying a /broadcast of " + LogSafe.quoted(tid) + ": no such stored event"));
        return message;
    }

    /** To the subscribers of {@code /update} here and on the other nodes: this relay ran on this node only. */
    private void relay(JsonObject stored) {
        bayeux.publishToEveryServer(CalendarChannels.UPDATE, stored);
    }

    /** The stored event with this id as the legacy message of its last change, if {@code tid} is one. */
    private Optional<JsonObject> storedChange(String tid) {
        if (!PlainId.isPlain(tid)) return Optional.empty();
        long id;
        try {
            id = Long.parseLong(tid);
        } catch (NumberFormatException e) {
            return Optional.empty(); // not one of our events
        }
        return events.find(CalendarChannels.DEFAULT_CALENDAR, id)
                .map(view -> LegacyUpdatePayload.of(new EventChanged(EventChanged.Kind.UPDATED, view, null)));
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
