package io.liveupdate.calendar.connector;

import io.liveupdate.calendar.Calendars;
import io.liveupdate.connector.MalformedRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** Routes both connector URLs to one calendar endpoint: /api/events is the calendar named "default". */
@Path("")
@ApplicationScoped
public class CalendarEventsResource {

    @Inject
    CalendarEndpointFactory endpoints;

    @Path("events")
    public CalendarEndpoint defaultCalendar() {
        return endpoints.forCalendar(Calendars.DEFAULT);
    }

    @Path("calendars/{calendar}/events")
    public CalendarEndpoint calendar(@PathParam("calendar") String calendar) {
        if (!Calendars.isValidName(calendar)) throw new MalformedRequestException(Calendars.NAME_RULE);
        return endpoints.forCalendar(calendar);
    }
}
