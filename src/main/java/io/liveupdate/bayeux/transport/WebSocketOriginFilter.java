package io.liveupdate.bayeux.transport;

import io.liveupdate.input.LogSafe;
import io.liveupdate.security.SecuritySettings;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Refuses a WebSocket upgrade of {@code /sync} from a page whose origin is not allowed with 403, before the
 * handshake: no {@code 101}, no socket, not one frame (cross-site WebSocket hijacking: browsers send the page's
 * {@code Origin}, and no CORS applies to WebSockets). A filter rather than
 * {@code ServerEndpointConfig.Configurator.checkOrigin}, because the server's own origin is always allowed and
 * only the request's {@code Host} tells which that is; the containers run the WebSocket upgrade after the
 * application's filters (Undertow's and Tyrus's upgrade filters are mapped "after" them).
 */
@WebFilter(urlPatterns = "/sync", asyncSupported = true)
public class WebSocketOriginFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(WebSocketOriginFilter.class.getName());

    @Inject
    SecuritySettings security;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade")) && !security.allowedOrigins().allows(origin, request.getHeader("Host"))) {
            LOG.info(() -> "Refused a WebSocket upgrade of /sync from " + request.getRemoteAddr() + ": origin "
                    + LogSafe.quoted(origin) + " is not allowed (liveupdate.security.allowed-origins)");
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "origin not allowed");
            return;
        }
        chain.doFilter(request, response);
    }
}
