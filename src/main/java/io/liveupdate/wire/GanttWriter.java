package io.liveupdate.wire;

import io.liveupdate.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * Tasks and links as the chart reads them, in loads, answers and live messages alike: the chart's items
 * ({@code gantt.GanttItems}) with their dates in the client's default {@code date_format} ({@value #DATE_FORMAT},
 * wall-clock, so the dataProcessor sends dates back in the same form rather than as UTC ISO strings). Used by the
 * Gantt connector and by both live protocols (the chart's Bayeux channel and RemoteEvents), live and in catch-up.
 */
public final class GanttWriter {

    public static final String DATE_FORMAT = "%d-%m-%Y %H:%i";
    private static final DatePattern DATES = new DatePattern(DATE_FORMAT);
    private static final Set<String> DATE_FIELDS = Set.of("start_date", "end_date");
    private static final Set<String> ITEMS = Set.of("task", "link");

    private GanttWriter() {
    }

    /** A task or link as the chart reads it. */
    public static JsonObject item(JsonObject item) {
        var json = Json.createObjectBuilder(item);
        for (String name : DATE_FIELDS) {
            pageDate(item.get(name)).ifPresent(date -> json.add(name, date));
        }
        return json.build();
    }

    /**
     * A numbered change ({@code {"type":"add-task",..,"task":{..}}}, {@code gantt.GanttChanged#message()}) as pages are
     * sent it: its task or link as {@link #item}, the rest as it is.
     */
    public static JsonObject change(JsonObject change) {
        var json = Json.createObjectBuilder(change);
        for (String entity : ITEMS) {
            if (change.get(entity) instanceof JsonObject item) json.add(entity, item(item));
        }
        return json.build();
    }

    /** A load, {@code {"data":[tasks],"links":[links]}}, as the chart reads it. */
    public static JsonObject chart(JsonObject load) {
        return Json.createObjectBuilder().add("data", items(load.getJsonArray("data"))).add("links", items(load.getJsonArray("links"))).build();
    }

    private static JsonArray items(JsonArray items) {
        var json = Json.createArrayBuilder();
        items.forEach(item -> json.add(item(item.asJsonObject())));
        return json.build();
    }

    /**
     * The page's form of an ISO-8601 date; empty for anything else, which is left as it is: the log's entries
     * numbered before the items' dates were ISO already carry the page's form.
     */
    private static Optional<String> pageDate(JsonValue value) {
        if (!(value instanceof JsonString text)) return Optional.empty();
        try {
            return Optional.of(DATES.format(LocalDateTime.parse(text.getString())));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
