package io.liveupdate.gantt;

import io.liveupdate.persistence.LoggedChange;
import jakarta.json.JsonObject;

/**
 * A CDI event fired for every committed change of a chart's tasks and links, on every node, once, in the chart's log
 * order ({@link GanttOrder}). Observe it with a plain {@code @Observes}.
 *
 * @param gantt the chart
 * @param seq the change's number in the chart's stream ({@value GanttChanges#PREFIX}{@code <name>})
 * @param message the change as the log keeps it: {@code {"type":"add-task|update-task|delete-task|
 *        add-link|update-link|delete-link","task"|"link":{..}}} with the item as {@link GanttItems} (a delete's item is
 *        {@code {id}} only; an add carries {@code sid}, the saving page's temporary id, when it had one); what live pages
 *        are sent, the RemoteEvents value, once {@code wire.GanttWriter} gave its dates the chart's format
 * @param epoch the chart's stream epoch the number belongs to (see {@code stream.StreamOrder}), null if unknown
 */
public record GanttChanged(String gantt, long seq, JsonObject message, String epoch) {

    static GanttChanged of(LoggedChange logged) {
        return new GanttChanged(GanttChanges.ganttOf(logged.stream()), logged.seq(), logged.payload(), logged.epoch());
    }
}
