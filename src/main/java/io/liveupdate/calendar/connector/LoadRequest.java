package io.liveupdate.calendar.connector;

import io.liveupdate.connector.MalformedRequestException;
import io.liveupdate.connector.ResponseFormat;
import io.liveupdate.connector.SchedulerDates;
import io.liveupdate.wire.DatePattern;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A load: the optional [from, to) range of dynamic loading, the answer format (JSON unless the client
 * asks for XML with ?format=xml or an Accept header that prefers it), and the date format to write.
 */
public record LoadRequest(LocalDateTime from, LocalDateTime to, boolean xml, DatePattern dates) {

    static LoadRequest from(Map<String, String> query, List<MediaType> accepted, DatePattern defaultDates) {
        LocalDateTime from = bound(query, "from");
        LocalDateTime to = bound(query, "to");
        if ((from == null) != (to == null)) throw new MalformedRequestException("dynamic loading needs both from and to");
        String dateFormat = query.get("date_format");
        var dates = dateFormat == null || dateFormat.isBlank() ? defaultDates : RequestedDates.of(dateFormat);
        return new LoadRequest(from, to, ResponseFormat.wantsXml(query.get("format"), accepted), dates);
    }

    private static LocalDateTime bound(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isBlank()) return null;
        if (SchedulerDates.isTooLong(value)) throw new MalformedRequestException(SchedulerDates.tooLong(name, value));
        return SchedulerDates.parse(value)
                .orElseThrow(() -> new MalformedRequestException(name + " '" + value + "' is not a date (expected %Y-%m-%d)"));
    }
}
