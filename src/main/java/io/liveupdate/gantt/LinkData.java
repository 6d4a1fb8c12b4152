package io.liveupdate.gantt;

import jakarta.json.JsonObject;

/**
 * A link's fields as one save names them; null is "not named".
 *
 * @param type "0" finish-to-start, "1" start-to-start, "2" finish-to-finish, "3" start-to-finish, or a page's own
 * @param version the version the page edited, or null to overwrite
 */
public record LinkData(Long source, Long target, String type, JsonObject custom, Long version) {
}
