package io.liveupdate.calendar.connector;

import io.liveupdate.connector.BoundedBody;
import io.liveupdate.connector.ConnectorSettings;
import io.liveupdate.connector.FormData;
import io.liveupdate.connector.RequestTooLargeException;
import io.liveupdate.connector.SaveByGetException;
import io.liveupdate.connector.SaveRequest;
import io.liveupdate.connector.SaveRequestReader;
import io.liveupdate.security.SaveGate;
import io.liveupdate.wire.EventWriter;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One calendar's connector URL. A thin adapter: it reads the request, lets {@link SaveRequestReader} tell
 * the mode, and writes what that mode's client expects, always with HTTP 200 for a processed save
 * (the dataProcessor counts 201 and 204 as failures).
 */
public class CalendarEndpoint {

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");
    private static final MediaType XML = MediaType.TEXT_XML_TYPE.withCharset("UTF-8");

    private final String calendar;
    private final EventLoader loader;
    private final SaveProcessor saves;
    private final ConnectorSettings settings;
    private final SaveGate gate;

    CalendarEndpoint(String calendar, EventLoader loader, SaveProcessor saves, ConnectorSettings settings, SaveGate gate) {
        this.calendar = calendar;
        this.loader = loader;
        this.saves = saves;
        this.settings = settings;
        this.gate = gate;
    }

    @GET
    public Response get(@Context UriInfo uri, @Context HttpHeaders headers) {
        Map<String, String> query = FormData.parse(uri.getRequestUri().getRawQuery());
        return SaveRequestReader.fromQuery(query)
                .map(save -> {
                    requireWrite(headers);
                    // A GET save is sent by an <img> or a link on any site, with no Origin and no preflight.
                    if (!settings.allowGetSaves()) throw new SaveByGetException();
                    return save(save, headers);
                })
                .orElseGet(() -> load(query, headers));
    }

    @POST
    public Response post(@Context HttpHeaders headers, InputStream body) {
        return save("POST", null, headers, body);
    }

    /** Legacy 4.2 REST mode posts an insert to {@code <url><tempId>}. */
    @POST
    @Path("{id}")
    public Response postWithId(@PathParam("id") String id, @Context HttpHeaders headers, InputStream body) {
        return save("POST", id, headers, body);
    }

    @PUT
    @Path("{id}")
    public Response put(@PathParam("id") String id, @Context HttpHeaders headers, InputStream body) {
        return save("PUT", id, headers, body);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context HttpHeaders headers, InputStream body) {
        return save("DELETE", id, headers, body);
    }

    private Response save(String method, String id, HttpHeaders headers, InputStream body) {
        requireWrite(headers); // before reading a byte
        if (headers.getLength() > settings.maxBodyBytes()) throw new RequestTooLargeException(settings.maxBodyBytes());
        byte[] bytes = BoundedBody.read(body, settings.maxBodyBytes());
        String contentType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return save(SaveRequestReader.read(method, id, contentType, null, bytes).orElseThrow(), headers);
    }

    private void requireWrite(HttpHeaders headers) {
        gate.requireWrite(headers.getHeaderString("Origin"), headers.getHeaderString(HttpHeaders.HOST),
                headers.getHeaderString(SaveGate.FETCH_SITE_HEADER));
    }

    /** The key is checked on the parsed save, whatever Content-Type the request claimed. */
    private Response save(SaveRequest request, HttpHeaders headers) {
        gate.requireSecurityKey(request.securityKey(), headers.getHeaderString(SaveGate.SECURITY_KEY_HEADER));
        List<RowOutcome> outcomes = saves.apply(calendar, request);
        var answers = new SaveAnswerWriter(new EventWriter(settings.dateFormat()));
        return request.answer() == SaveRequest.Answer.XML_ACTIONS
                ? Response.ok(answers.xml(outcomes), XML).build()
                : Response.ok(answers.json(outcomes.get(0)), JSON).build();
    }

    private Response load(Map<String, String> query, HttpHeaders headers) {
        gate.requireRead();
        var request = LoadRequest.from(query, headers.getAcceptableMediaTypes(), settings.dateFormat());
        Optional<String> key = gate.securityKey();
        return request.xml()
                ? Response.ok(withKey(loader.xml(calendar, request), key, "<data>", k -> "<data " + SaveGate.SECURITY_KEY + "=\"" + k + "\">"), XML).build()
                : Response.ok(withKey(loader.json(calendar, request), key, "{", k -> "{\"" + SaveGate.SECURITY_KEY + "\":\"" + k + "\","), JSON).build();
    }

    /** Puts the CSRF key (URL-safe Base64: nothing to escape) where the client reads it: the root's first attribute or key. */
    private static String withKey(String answer, Optional<String> key, String root, java.util.function.UnaryOperator<String> rootWithKey) {
        if (key.isEmpty()) return answer;
        int at = answer.indexOf(root);
        return at < 0 ? answer : answer.substring(0, at) + rootWithKey.apply(key.get()) + answer.substring(at + root.length());
    }
}
