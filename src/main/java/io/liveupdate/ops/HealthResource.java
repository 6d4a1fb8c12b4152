package io.liveupdate.ops;

import jakarta.inject.Inject;
import io.liveupdate.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/health}: 200 {@code {"status":"UP",...}} when the database answers and the doorbell listener
 * hears other nodes (or is not needed), 503 {@code DOWN} when either fails, for load balancers and the server's
 * monitoring. The reasons stay in the server log.
 */
@Path("health")
public class HealthResource {

    @Inject
    DatabaseHealth database;
    @Inject
    DoorbellHealth doorbell;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        DatabaseStatus status = database.check();
        var check = Json.createObjectBuilder().add("name", "database").add("status", upOrDown(status.up())).add("millis", status.millis());
        if (!status.up()) check.add("error", "database unreachable");
        DoorbellHealth.Look listener = doorbell.check();
        var listenerCheck = Json.createObjectBuilder().add("name", "doorbell").add("status", upOrDown(listener.up()))
                .add("state", listener.state()).add("seconds", listener.secondsInState()).add("lag", listener.status().lag())
                .add("millisSinceCheck", listener.status().millisSinceCheck(listener.now()));
        boolean up = status.up() && listener.up();
        var body = Json.createObjectBuilder().add("status", upOrDown(up))
                .add("checks", Json.createArrayBuilder().add(check).add(listenerCheck)).build();
        return Response.status(up ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE).entity(body.toString()).build();
    }

    private static String upOrDown(boolean up) {
        return up ? "UP" : "DOWN";
    }
}
