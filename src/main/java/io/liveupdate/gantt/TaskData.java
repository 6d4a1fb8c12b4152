package io.liveupdate.gantt;

import jakarta.json.JsonObject;
import java.time.LocalDateTime;

/**
 * A task's fields as one save names them, already typed; null is "not named" (an update keeps what is stored).
 *
 * @param parent the parent task's id, 0 for the chart's root
 * @param custom every other property, as the page typed it (empty: none named)
 * @param version the version the page edited, or null to overwrite whatever is stored
 * @param move where an update moves the task in the chart's order ({@code target}), or null
 */
public record TaskData(String text, LocalDateTime startDate, Double duration, LocalDateTime endDate, Double progress,
        Long parent, Boolean open, String type, JsonObject custom, Long version, TaskMove move) {
}
