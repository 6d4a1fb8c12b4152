package io.liveupdate.ops;

import jakarta.inject.Inject;
import io.liveupdate.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/health}: 200 {@code {"status":"UP",...}} when the database answers, 503 {@code DOWN} when it
 * does not, for load balancers and the server's monitoring. The reason stays in the server log.
 */
@Path("health")
public class HealthResource {

    @Inject
    DatabaseHealth database;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        DatabaseStatus status = database.check();
        String state = status.up() ? "UP" : "DOWN";
        var check = Json.createObjectBuilder().add("name", "database").add("status", state).add("millis", status.millis());
        if (!status.up()) check.add("error", "database unreachable");
        var body = Json.createObjectBuilder().add("status", state).add("checks", Json.createArrayBuilder().add(check)).build();
        return Response.status(status.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(body.toString()).build();
    }
}
