package io.liveupdate.bayeux.transport;

import io.liveupdate.security.AllowedOrigins;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CORS for Faye's cross-origin transport, which sends credentials: an origin the settings name (or the server's
 * own) is echoed with {@code Allow-Credentials}; with {@code *} any other page gets {@code Allow-Origin: *} and no
 * credentials, so the browser never lets a foreign page act with its user's cookies or login
 * ({@code liveupdate.security.allowed-origins}).
 */
final class Cors {

    private Cors() {
    }

    /** Adds the CORS headers when the request's origin is allowed; without them the browser keeps the answer from the page. */
    static void allow(HttpServletRequest request, HttpServletResponse response, AllowedOrigins allowed) {
        String origin = request.getHeader("Origin");
        response.addHeader("Vary", "Origin");
        if (origin == null) return;
        if (allowed.allowsWithCredentials(origin, request.getHeader("Host"))) {
            response.setHeader("Access-Control-Allow-Origin", origin);
            response.setHeader("Access-Control-Allow-Credentials", "true");
        } else if (allowed.any()) {
            response.setHeader("Access-Control-Allow-Origin", "*");
        } else {
            return;
        }
        response.setHeader("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type, Pragma, X-Requested-With");
    }
}
