package io.liveupdate.gantt;

import io.liveupdate.calendar.CustomFields;
import io.liveupdate.json.Json;
import io.liveupdate.wire.DatePattern;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.LocalDateTime;
import java.util.Set;

/**
 * Tasks and links as the chart reads them, in loads, answers and live messages alike: the client's field names, its
 * default {@code date_format} ({@value #DATE_FORMAT}, wall-clock, so the dataProcessor sends dates back in the same
 * form rather than as UTC ISO strings), the stored {@code version} and {@code sortorder}, and the custom fields.
 */
public final class GanttJson {

    public static final String DATE_FORMAT = "%d-%m-%Y %H:%i";
    private static final DatePattern DATES = new DatePattern(DATE_FORMAT);

    /** The fields the server owns or reads itself: never stored as custom fields. */
    public static final Set<String> TASK_FIELDS = Set.of("id", "text", "start_date", "duration", "end_date", "progress", "parent",
            "open", "type", "sortorder", "version", "target", "!nativeeditor_status", "gantt_mode", "editing", "dhx_security");
    public static final Set<String> LINK_FIELDS = Set.of("id", "source", "target", "type", "version", "!nativeeditor_status",
            "gantt_mode", "editing", "dhx_security");

    private GanttJson() {
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

    public static String formatDate(LocalDateTime date) {
        return DATES.format(date);
    }

    /**
     * The fields dhtmlxGantt writes into a bar's or link's {@code style} attribute: tasks' {@code color},
     * {@code textColor} and {@code progressColor}, links' {@code color}. Each must be a CSS colour, as events' are
     * ({@link CustomFields}): a quote in one would leave the attribute on every page that shows the chart.
     */
    public static final Set<String> COLOUR_FIELDS = Set.of("color", "textColor", "progressColor");

    /** Why a custom field cannot be stored, or null when it can. */
    public static String problem(String name, jakarta.json.JsonValue value) {
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
        if (date != null) json.add(name, formatDate(date));
    }

    /** A whole number stays whole on the wire (a duration of 3 days is 3, not 3.0). */
    private static void number(JsonObjectBuilder json, String name, double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) json.add(name, (long) value);
        else json.add(name, value);
    }
}
