package io.liveupdate.gantt;

import jakarta.json.JsonObject;

/**
 * What a save did: the dataProcessor's action ({@code inserted}, {@code updated}, {@code deleted}) and the stored item
 * as {@link GanttItems} writes it ({@code {id}} only after a delete).
 */
public record SavedItem(String action, long id, JsonObject item) {
}
