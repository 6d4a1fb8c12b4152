package io.liveupdate.remote.transport;

import io.liveupdate.remote.RemoteHandshakes;
import io.liveupdate.remote.RemoteTarget;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/v1}: the RemoteEvents handshake ({@link RemoteHandshakes}) as a JAX-RS resource; the WebSocket at
 * the same URL is {@link RemoteEventsEndpoint}.
 */
@Path("v1")
@ApplicationScoped
public class RemoteHandshakeResource {

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    @Inject
    RemoteHandshakes handshakes;

    @GET
    public Response handshake(@HeaderParam(RemoteHandshakes.TOKEN_HEADER) String token,
            @QueryParam(RemoteTarget.CALENDAR_PARAMETER) String calendar, @QueryParam(RemoteTarget.GANTT_PARAMETER) String gantt) {
        var answer = handshakes.answer(token, calendar, gantt);
        var response = Response.status(answer.status()).type(JSON).entity(answer.json());
        if (answer.status() == 200) response.header("Cache-Control", "no-store");
        if (answer.asksForToken()) response.header(HttpHeaders.WWW_AUTHENTICATE, RemoteHandshakes.TOKEN_HEADER);
        return response.build();
    }
}
