package io.liveupdate.calendar.connector;

import io.liveupdate.json.Json;
import io.liveupdate.security.AccessRefusedException;
import io.liveupdate.security.Decision;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/** Whole-request failures: 400 for what cannot be read, 413 for what is too large; one log line each. */
@Provider
public class ConnectorErrorMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(ConnectorErrorMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException w) return w.getResponse();
        Response.Status status;
        if (e instanceof AccessRefusedException refused) {
            LOG.info(() -> "Refused request: " + refused.decision().status() + " " + e.getMessage());
            var response = error(Response.Status.fromStatusCode(refused.decision().status()), e.getMessage());
            return refused.decision() == Decision.UNAUTHENTICATED
                    ? Response.fromResponse(response).header("WWW-Authenticate", "Basic realm=\"live-update\", Bearer realm=\"live-update\"").build()
                    : response;
        } else if (e instanceof MalformedRequestException) {
            status = Response.Status.BAD_REQUEST;
        } else if (e instanceof RequestTooLargeException) {
            status = Response.Status.REQUEST_ENTITY_TOO_LARGE;
        } else {
            LOG.log(java.util.logging.Level.SEVERE, "Connector request failed", e);
            return error(Response.Status.INTERNAL_SERVER_ERROR, "internal error; see the server log");
        }
        LOG.info(() -> "Refused request: " + status.getStatusCode() + " " + e.getMessage());
        return error(status, e.getMessage());
    }

    private static Response error(Response.Status status, String message) {
        String body = Json.createObjectBuilder().add("action", "error").add("status", status.getStatusCode())
                .add("message", message).build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
