package io.liveupdate.gantt.connector;

import io.liveupdate.connector.BoundedBody;
import io.liveupdate.connector.ConnectorSettings;
import io.liveupdate.connector.FormData;
import io.liveupdate.connector.MalformedRequestException;
import io.liveupdate.connector.RequestTooLargeException;
import io.liveupdate.connector.ResponseFormat;
import io.liveupdate.connector.SaveByGetException;
import io.liveupdate.connector.SaveRequestReader;
import io.liveupdate.gantt.GanttService;
import io.liveupdate.gantt.Gantts;
import io.liveupdate.security.AccessControl;
import io.liveupdate.security.CsrfKeys;
import io.liveupdate.security.SaveGate;
import io.liveupdate.security.SecuritySettings;
import io.liveupdate.wire.GanttWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One chart's dataProcessor URL, {@code /api/gantts/{name}}: {@code GET} loads it (JSON or XML); the REST and
 * REST-JSON modes save on {@code <url>/task[/id]} and {@code <url>/link[/id]}; the POST and JSON modes post to
 * {@code <url>?editing=true&gantt_mode=tasks|links} ({@link GanttModes}), the GET mode sends the POST mode's form in
 * the query. A thin adapter: every processed save is answered HTTP 200 with the action the client reads (it counts
 * other statuses as failures).
 */
@Path("gantts/{gantt}")
@ApplicationScoped
public class GanttResource {

    private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");
    private static final MediaType XML = MediaType.TEXT_XML_TYPE.withCharset("UTF-8");
    /** The query parameter of a branch load. */
    private static final String BRANCH = "parent_id";

    @Inject
    GanttService gantts;
    @Inject
    GanttSaves saves;
    @Inject
    ConnectorSettings settings;
    @Inject
    AccessControl access;
    @Inject
    SecuritySettings security;
    @Inject
    CsrfKeys csrfKeys;

    /**
     * A load ({@code {"data":[..],"links":[..]}}, or {@link GanttXml} for {@code ?format=xml} or an Accept that prefers
     * XML), of the whole chart or, with {@code ?parent_id=<id>}, of one branch ({@link GanttService#branch}), or a
     * save in the dataProcessor's GET mode (its rows in the query), refused 405 unless
     * {@code liveupdate.connector.allow-get-saves} is on: any site can make a browser send a GET.
     */
    @GET
    public Response load(@PathParam("gantt") String gantt, @Context UriInfo uri, @Context HttpHeaders headers) {
        SaveGate gate = gate(gantt);
        String rawQuery = uri.getRequestUri().getRawQuery();
        Map<String, String> query = FormData.parse(rawQuery);
        if (SaveRequestReader.isFormSave(query)) return saveByGet(gantt, gate, rawQuery, query, headers);
        gate.requireRead();
        JsonObject load = GanttWriter.chart(query.containsKey(BRANCH) ? gantts.branch(gantt, parentId(query.get(BRANCH))) : gantts.load(gantt));
        Optional<String> key = gate.securityKey();
        if (ResponseFormat.wantsXml(query.get("format"), headers.getAcceptableMediaTypes())) {
            return Response.ok(GanttXml.load(load, key), XML).build();
        }
        String json = load.toString();
        // The CSRF key (URL-safe Base64: nothing to escape) goes where the client reads it, the root's first key.
        if (key.isPresent()) json = "{\"" + SaveGate.SECURITY_KEY + "\":\"" + key.get() + "\"," + json.substring(1);
        return Response.ok(json, JSON).build();
    }

    /**
     * The task whose children a branch-loading page asks for: dhtmlxGantt PRO, on opening a task marked
     * {@link GanttService#HAS_CHILD}, loads {@code <its load URL>?parent_id=<id>} (its {@code onTaskOpened} handler first
     * cuts {@code parent_id=} and whatever follows it from that URL, then appends its own), so a page asks for the top
     * level with {@code ?parent_id=0}, last in its URL.
     */
    private static long parentId(String value) {
        if (value == null || !value.matches("\\d{1,18}")) {
            throw new MalformedRequestException("parent_id must be a task id (0 for the top level)");
        }
        return Long.parseLong(value);
    }

    /** The GET mode: the query is the POST mode's form (gantt_mode and all), answered the same. */
    private Response saveByGet(String gantt, SaveGate gate, String rawQuery, Map<String, String> query, HttpHeaders headers) {
        requireWrite(gate, headers);
        if (!settings.allowGetSaves()) throw new SaveByGetException();
        byte[] form = rawQuery.getBytes(StandardCharsets.UTF_8);
        return answer(gantt, gate, headers, GanttModes.modes(query, MediaType.APPLICATION_FORM_URLENCODED, form));
    }

    @POST
    @Path("{entity: task|link}")
    public Response insert(@PathParam("gantt") String gantt, @PathParam("entity") String entity, @Context HttpHeaders headers, InputStream body) {
        return rest(gantt, entity, "POST", null, headers, body);
    }

    @PUT
    @Path("{entity: task|link}/{id}")
    public Response update(@PathParam("gantt") String gantt, @PathParam("entity") String entity, @PathParam("id") String id,
            @Context HttpHeaders headers, InputStream body) {
        return rest(gantt, entity, "PUT", id, headers, body);
    }

    @DELETE
    @Path("{entity: task|link}/{id}")
    public Response delete(@PathParam("gantt") String gantt, @PathParam("entity") String entity, @PathParam("id") String id,
            @Context HttpHeaders headers, InputStream body) {
        return rest(gantt, entity, "DELETE", id, headers, body);
    }

    /** The POST and JSON modes: {@code ?editing=true&gantt_mode=tasks|links}, one row or a batch of rows. */
    @POST
    public Response post(@PathParam("gantt") String gantt, @Context UriInfo uri, @Context HttpHeaders headers, InputStream body) {
        SaveGate gate = gate(gantt);
        byte[] content = read(gate, headers, body);
        var save = GanttModes.modes(FormData.parse(uri.getRequestUri().getRawQuery()), headers.getHeaderString(HttpHeaders.CONTENT_TYPE), content);
        return answer(gantt, gate, headers, save);
    }

    private Response rest(String gantt, String entity, String method, String id, HttpHeaders headers, InputStream body) {
        SaveGate gate = gate(gantt);
        byte[] content = read(gate, headers, body);
        return answer(gantt, gate, headers, GanttModes.rest(method, entity, id, headers.getHeaderString(HttpHeaders.CONTENT_TYPE), content));
    }

    /** The key is checked on the parsed save, whatever Content-Type the request claimed. */
    private Response answer(String gantt, SaveGate gate, HttpHeaders headers, GanttModes.Save save) {
        gate.requireSecurityKey(save.securityKey(), headers.getHeaderString(SaveGate.SECURITY_KEY_HEADER));
        List<JsonObject> answers = save.rows().stream().map(row -> saves.apply(gantt, save.entity(), row.action(), row.id(), row.fields())).toList();
        return save.xml() ? Response.ok(GanttAnswers.xml(answers), XML).build() : Response.ok(answers.get(0).toString(), JSON).build();
    }

    /** Write access first (before reading a byte), then the body, bounded. */
    private byte[] read(SaveGate gate, HttpHeaders headers, InputStream body) {
        requireWrite(gate, headers);
        if (headers.getLength() > settings.maxBodyBytes()) throw new RequestTooLargeException(settings.maxBodyBytes());
        return BoundedBody.read(body, settings.maxBodyBytes());
    }

    private static void requireWrite(SaveGate gate, HttpHeaders headers) {
        gate.requireWrite(headers.getHeaderString("Origin"), headers.getHeaderString(HttpHeaders.HOST),
                headers.getHeaderString(SaveGate.FETCH_SITE_HEADER));
    }

    private SaveGate gate(String gantt) {
        if (!Gantts.isValidName(gantt)) throw new MalformedRequestException(Gantts.NAME_RULE);
        return new SaveGate(access, access.currentCaller(), Gantts.resource(gantt), security.csrf() ? Optional.of(csrfKeys) : Optional.empty());
    }
}
