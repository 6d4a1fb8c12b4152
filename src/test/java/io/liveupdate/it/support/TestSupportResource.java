package io.liveupdate.it.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Test-only HTTP handles on {@link BackOffice} and {@link RecordedChanges}, under /api/test-support. */
@Path("test-support/{calendar}")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TestSupportResource {

    @Inject
    BackOffice backOffice;
    @Inject
    RecordedChanges changes;

    @POST
    @Path("insert")
    public String insert(@PathParam("calendar") String calendar, @QueryParam("text") String text) {
        return Long.toString(backOffice.insert(calendar, text));
    }

    @POST
    @Path("rename/{id}")
    public String rename(@PathParam("id") long id, @QueryParam("text") String text) {
        backOffice.rename(id, text);
        return "{}";
    }

    @POST
    @Path("insert-then-fail")
    public String insertThenFail(@PathParam("calendar") String calendar, @QueryParam("text") String text) {
        try {
            backOffice.insertThenFail(calendar, text);
            return "{\"rolledBack\":false}";
        } catch (RuntimeException e) {
            return "{\"rolledBack\":true}";
        }
    }

    @GET
    @Path("changes")
    public String changes(@PathParam("calendar") String calendar) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        changes.of(calendar).forEach(c -> list.add(Json.createObjectBuilder()
                .add("kind", c.kind().name()).add("id", c.event().id()).add("text", c.event().text())
                .add("clientReference", c.clientReference() == null ? "" : c.clientReference())));
        return list.build().toString();
    }
}
