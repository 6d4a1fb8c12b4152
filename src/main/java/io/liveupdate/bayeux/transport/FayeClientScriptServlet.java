package io.liveupdate.bayeux.transport;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;

/**
 * Serves the Faye browser client where Faye's own NodeAdapter serves it, so the pages' existing
 * {@code <script src=".../sync.js">} works unchanged. The file is the npm {@code faye} package's
 * {@code client/faye-browser-min.js}, copied into the WAR at build time (src/frontend).
 */
@WebServlet(urlPatterns = {"/sync.js", "/sync/client.js"})
public class FayeClientScriptServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String SCRIPT = "/lib/faye/faye-browser-min.js";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (InputStream script = getServletContext().getResourceAsStream(SCRIPT)) {
            if (script == null) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "Faye client missing from the WAR: " + SCRIPT);
                return;
            }
            response.setContentType("application/javascript;charset=UTF-8");
            response.setHeader("Cache-Control", "public, max-age=3600");
            response.setHeader("Access-Control-Allow-Origin", "*");
            script.transferTo(response.getOutputStream());
        }
    }
}
