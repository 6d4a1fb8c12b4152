package io.liveupdate.bayeux.transport;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * CORS for Faye's cross-origin transport, which sends credentials: the origin is echoed (a wildcard is not
 * allowed with credentials), with the headers Faye's CORS requests carry.
 */
final class Cors {

    private Cors() {
    }

    static void allow(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader("Origin");
        if (origin == null) return;
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Allow-Credentials", "true");
        response.setHeader("Access-Control-Allow-Headers", "Accept, Authorization, Content-Type, Pragma, X-Requested-With");
        response.addHeader("Vary", "Origin");
    }
}
