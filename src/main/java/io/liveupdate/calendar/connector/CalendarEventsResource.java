package io.liveupdate.calendar.connector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.regex.Pattern;

/** Routes both connector URLs to one calendar endpoint: /api/events is the calendar named "default". */
@Path("")
@ApplicationScoped
public class CalendarEventsResource {

    public static final String DEFAULT_CALENDAR = "default";
    private static final Pattern CALENDAR_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @Inject
    CalendarEndpointFactory endpoints;

    @Path("events")
    public CalendarEndpoint defaultCalendar() {
        return endpoints.forCalendar(DEFAULT_CALENDAR);
    }

    @Path("calendars/{calendar}/events")
    public CalendarEndpoint calendar(@PathParam("calendar") String calendar) {
        if (!CALENDAR_NAME.matcher(calendar).matches()) {
            throw new MalformedRequestException("calendar names are 1 to 64 letters, digits, '-' or '_'");
        }
        return endpoints.forCalendar(calendar);
    }
}
