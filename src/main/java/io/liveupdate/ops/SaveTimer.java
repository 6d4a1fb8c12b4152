package io.liveupdate.ops;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Save latency: from a connector save request's arrival to its answer, whatever the mode (REST, JSON, the legacy
 * {@code editing=true} forms, which may even be GETs). Loads and other resources are not timed.
 */
@Provider
@PreMatching
public class SaveTimer implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = SaveTimer.class.getName() + ".started";

    @Inject
    OpsMetrics metrics;

    @Override
    public void filter(ContainerRequestContext request) {
        if (isSave(request)) request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) metrics.save().record(System.nanoTime() - started);
    }

    static boolean isSave(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceFirst("^/", "");
        boolean connector = path.startsWith("events") || path.startsWith("calendars/");
        return connector && (!isRead(request.getMethod()) || "true".equals(request.getUriInfo().getQueryParameters().getFirst("editing")));
    }

    private static boolean isRead(String method) {
        return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method) || HttpMethod.OPTIONS.equals(method);
    }
}
