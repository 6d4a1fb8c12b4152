package io.liveupdate.live.remote;

import io.liveupdate.input.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.logging.Logger;

/**
 * The RemoteEvents handshake, {@code GET /api/v1[?calendar=<name>|?gantt=<name>]} with {@code Remote-Token}: a
 * fresh key for the WebSocket at the same URL, which also tells the page and where its calendar or chart stood
 * ({@link RemoteCatchUp}). A refusal is JSON too, so the client reads it and quietly opens no socket.
 */
@Path("v1")
@ApplicationScoped
public class RemoteHandshakeResource {

    static final String TOKEN_HEADER = "Remote-Token";
    private static final Logger LOG = Logger.getLogger(RemoteHandshakeResource.class.getName());
    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    @Inject
    RemoteAccess access;
    @Inject
    RemoteCatchUp catchUp;

    @GET
    public Response handshake(@HeaderParam(TOKEN_HEADER) String token, @QueryParam(RemoteTarget.CALENDAR_PARAMETER) String calendar,
            @QueryParam(RemoteTarget.GANTT_PARAMETER) String gantt) {
        if (token == null || token.isBlank()) {
            return refuse(Response.Status.UNAUTHORIZED, "the " + TOKEN_HEADER + " header is required");
        }
        if (!access.isToken(token)) return refuse(Response.Status.FORBIDDEN, "unknown " + TOKEN_HEADER);
        RemoteTarget target;
        try {
            target = RemoteTarget.of(calendar, gantt);
        } catch (IllegalArgumentException e) {
            return refuse(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (!access.mayRead(token, target.resource()).allowed()) return refuse(Response.Status.FORBIDDEN, "no read access to " + target);
        String key = access.issueKey(token, catchUp.positionNow(target));
        return Response.ok(RemotePayload.handshake(key), JSON).header("Cache-Control", "no-store").build();
    }

    private static Response refuse(Response.Status status, String message) {
        LOG.info(() -> "Refused a RemoteEvents handshake: " + status.getStatusCode() + " " + LogSafe.text(message));
        var response = Response.status(status).type(JSON).entity(RemotePayload.refusal(status.getStatusCode(), message));
        if (status == Response.Status.UNAUTHORIZED) response.header(HttpHeaders.WWW_AUTHENTICATE, TOKEN_HEADER);
        return response.build();
    }
}
