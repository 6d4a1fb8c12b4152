package io.liveupdate.connector;

import io.liveupdate.input.LogSafe;
import io.liveupdate.input.LoggableFailure;
import io.liveupdate.json.Json;
import io.liveupdate.security.AccessRefusedException;
import io.liveupdate.security.Decision;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Logger;

/**
 * Whole-request failures: 400 for what cannot be read, 405 for a save by GET, 413 for what is too large; one log
 * line each, its request data made {@link LogSafe}.
 */
@Provider
public class ConnectorErrorMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = Logger.getLogger(ConnectorErrorMapper.class.getName());

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException w) return w.getResponse();
        Response.Status status = statusOf(e);
        log(e, status);
        if (status == Response.Status.INTERNAL_SERVER_ERROR) return error(status, "internal error; see the server log");
        var response = Response.fromResponse(error(status, e.getMessage()));
        if (e instanceof AccessRefusedException refused && refused.decision() == Decision.UNAUTHENTICATED) {
            response.header("WWW-Authenticate", "Basic realm=\"live-update\", Bearer realm=\"live-update\"");
        }
        if (e instanceof SaveByGetException) response.header("Allow", "POST");
        return response.build();
    }

    /** Public for the connectors' log tests. */
    public static Response.Status statusOf(RuntimeException e) {
        if (e instanceof AccessRefusedException refused) return Response.Status.fromStatusCode(refused.decision().status());
        if (e instanceof MalformedRequestException) return Response.Status.BAD_REQUEST;
        if (e instanceof SaveByGetException) return Response.Status.METHOD_NOT_ALLOWED;
        if (e instanceof RequestTooLargeException) return Response.Status.REQUEST_ENTITY_TOO_LARGE;
        return Response.Status.INTERNAL_SERVER_ERROR;
    }

    /** One log line per refusal; a failure's stack trace, its messages made safe too. */
    public static void log(RuntimeException e, Response.Status status) {
        if (status == Response.Status.INTERNAL_SERVER_ERROR) {
            LOG.log(java.util.logging.Level.SEVERE, "Connector request failed", LoggableFailure.of(e));
        } else {
            LOG.info(() -> "Refused request: " + status.getStatusCode() + " " + LogSafe.text(e.getMessage()));
        }
    }

    private static Response error(Response.Status status, String message) {
        String body = Json.createObjectBuilder().add("action", "error").add("status", status.getStatusCode())
                .add("message", message).build().toString();
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
    }
}
