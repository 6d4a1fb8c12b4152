package io.liveupdate.gantt;

import io.liveupdate.calendar.CustomFields;
import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * Tasks and links as the chart's log keeps them and the service hands them out: the client's field names, dates as
 * ISO-8601 wall-clock ({@code 2025-01-15T09:30}), the stored {@code version} and {@code sortorder}, and the custom
 * fields a page may be handed. How a page reads them (its {@code date_format}) is {@code wire.GanttWriter}'s: this
 * side knows no wire format, as the calendar's {@code ChangeRecords} does not.
 */
public final class GanttItems {

    /**
     * The fields dhtmlxGantt writes into a bar's or link's {@code style} attribute: tasks' {@code color},
     * {@code textColor} and {@code progressColor}, links' {@code color}. Each must be a CSS colour, as events' are
     * ({@link CustomFields}): a quote in one would leave the attribute on every page that shows the chart.
     */
    public static final Set<String> COLOUR_FIELDS = Set.of("color", "textColor", "progressColor");

    private GanttItems() {
    }

    public static JsonObject task(GanttTask task) {
        JsonObjectBuilder json = custom(task.customFields());
        json.add("id", task.getId()).add("text", task.getText());
        date(json, "start_date", task.getStartDate());
        if (task.getDuration() != null) number(json, "duration", task.getDuration());
        date(json, "end_date", task.getEndDate());
        number(json, "progress", task.getProgress());
        json.add("parent", task.getParent()).add("open", task.isOpen());
        if (task.getType() != null) json.add("type", task.getType());
        return json.add("sortorder", task.getSortOrder()).add("version", task.getVersion()).build();
    }

    public static JsonObject link(GanttLink link) {
        return custom(link.customFields()).add("id", link.getId()).add("source", link.getSource()).add("target", link.getTarget())
                .add("type", link.getType()).add("version", link.getVersion()).build();
    }

    /** A delete's item: the id only, as RemoteEvents sends it. */
    public static JsonObject idOnly(long id) {
        return Json.createObjectBuilder().add("id", id).build();
    }

    /** Why a custom field cannot be stored, or null when it can. */
    public static String problem(String name, JsonValue value) {
        return COLOUR_FIELDS.contains(name) ? CustomFields.colourProblem(name, value) : null;
    }

    /**
     * The stored custom fields that may be handed out: page state ({@code _}, {@code $}) never is, nor a colour
     * stored before colours were checked that is not one.
     */
    private static JsonObjectBuilder custom(JsonObject stored) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        stored.forEach((name, value) -> {
            if (!CustomFields.isPageState(name) && problem(name, value) == null) json.add(name, value);
        });
        return json;
    }

    private static void date(JsonObjectBuilder json, String name, LocalDateTime date) {
        if (date != null) json.add(name, date.toString());
    }

    /** A whole number stays whole in JSON (a duration of 3 days is 3, not 3.0). */
    private static void number(JsonObjectBuilder json, String name, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) json.add(name, (long) value);
        else json.add(name, value);
    }
}
