package io.liveupdate.calendar;

import jakarta.json.JsonObject;
import java.time.LocalDateTime;

/**
 * An immutable copy of an event (id null until first stored), safe to hand to writers and other threads, and to
 * pages: its custom fields are those {@link CustomFields#shown} allows.
 */
public record EventView(
        Long id,
        String calendar,
        LocalDateTime startDate,
        LocalDateTime endDate,
        String text,
        String rrule,
        Long duration,
        Long recurringEventId,
        LocalDateTime originalStart,
        boolean deleted,
        String recType,
        Long eventPid,
        Long eventLength,
        JsonObject customFields,
        long version) {

    /** Only the custom fields a page may be handed, whatever the row holds (rows stored before the rule too). */
    public EventView {
        customFields = CustomFields.shown(customFields);
    }
}
