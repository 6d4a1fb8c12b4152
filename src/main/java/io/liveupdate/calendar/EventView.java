package io.liveupdate.calendar;

import jakarta.json.JsonObject;
import java.time.LocalDateTime;

/** An immutable copy of an event (id null until first stored), safe to hand to writers and other threads. */
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
}
