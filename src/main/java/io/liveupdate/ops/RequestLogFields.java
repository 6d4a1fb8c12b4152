package io.liveupdate.ops;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Gives every line logged while a request is handled the fields an operator filters on (JSON logs' {@code mdc}):
 * {@code client}, the address the request came from (the proxy's own unless the server is told to trust
 * {@code X-Forwarded-For}, e.g. Undertow's {@code proxy-address-forwarding}), and {@code calendar} or {@code gantt}
 * when the path names one. So a refused save, a failed commit or a refused WebSocket upgrade is found by client or
 * calendar without parsing its text. First in the chain (web.xml), so the other filters' lines carry them too.
 *
 * <p>Lines written on other threads (deliveries, the doorbell listener) and for WebSocket frames have no request
 * and carry none of these; Bayeux session lines carry {@code session} ({@link BayeuxCounters}).
 */
public class RequestLogFields extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String CLIENT = "client";
    static final String CALENDAR = "calendar";
    static final String GANTT = "gantt";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        LogFields.Scope fields = LogFields.open(CLIENT, request.getRemoteAddr(),
                CALENDAR, RequestedStreams.named(path, "/api/calendars/"), GANTT, RequestedStreams.named(path, "/api/gantts/"));
        try {
            chain.doFilter(request, response);
        } finally {
            fields.close();
        }
    }
}
