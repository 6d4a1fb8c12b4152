package io.liveupdate.live;

import io.liveupdate.calendar.ChangeRecords;
import io.liveupdate.channels.CalendarChannels;
import io.liveupdate.persistence.LoggedChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonValue;
import java.util.Optional;

/** The calendar channels ({@code /update}, {@code /calendars/<name>/update}): each is its calendar's stream. */
@ApplicationScoped
public class CalendarNumbering implements NumberedChannels {

    @Override
    public Optional<String> streamOf(String channel) {
        return CalendarChannels.calendarOf(channel).map(ChangeRecords::streamOf);
    }

    @Override
    public JsonValue dataOf(LoggedChange change) {
        return LegacyUpdatePayload.of(ChangeRecords.fromJson(change));
    }
}
