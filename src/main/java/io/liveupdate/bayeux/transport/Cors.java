package io.liveupdate.bayeux.transport;

import io.liveupdate.security.AllowedOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CORS for Faye's cross-origin transport, which sends credentials: the origin is echoed (a wildcard is not
 * allowed with credentials), with the headers Faye's CORS requests carry, for the allowed origins only
 * ({@code liveupdate.security.allowed-origins}).
 */
final class Cors {

    private Cors() {
    }

    /** Adds the CORS headers when the request's origin is allowed; without them the browser keeps the answer from the page. */
    static void allow(HttpServletRequest request, HttpServletResponse response, AllowedOrigins allowed) {
        String origin = request.getHeader("Origin");
        response.addHeader("Vary", "Origin");
        if (origin == null || !allowed.allows(origin, request.getHeader("Host"))) return;
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Allow-Credentials", "true");
        response.setHeader("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type, Pragma, X-Requested-With");
    }
}
