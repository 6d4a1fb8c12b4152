package io.liveupdate.bayeux.transport;

import io.liveupdate.bayeux.BatchReply;
import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.Connection;
import io.liveupdate.bayeux.FrozenMessage;
import io.liveupdate.bayeux.Payload;
import io.liveupdate.input.LogSafe;
import io.liveupdate.json.Json;
import io.liveupdate.security.SecuritySettings;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Bayeux over HTTP at {@code /sync}, for clients whose proxies block WebSockets: long-polling (JSON POST),
 * cross-origin long-polling (a {@code message=} form, sent as text/plain by Faye's CORS transport) and, when
 * {@code liveupdate.bayeux.jsonp} is on, callback-polling (JSONP GET; refused 403 otherwise). A held
 * {@code /meta/connect} parks the request asynchronously, so no thread waits; it is answered on the managed
 * executor, never on the publisher's thread.
 */
@WebServlet(urlPatterns = {"/sync", "/sync/*"}, asyncSupported = true)
public class LongPollingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(LongPollingServlet.class.getName());
    static final int MAX_BODY_BYTES = 1024 * 1024;

    @Inject
    BayeuxServer bayeux;
    @Inject
    SecuritySettings security;
    @Inject
    TransportSettings transports;

    @Resource
    ManagedExecutorService executor;

    @Override
    protected void doOptions(HttpServletRequest request, HttpServletResponse response) {
        Cors.allow(request, response, security.allowedOrigins());
        response.setHeader("Access-Control-Allow-Methods", "POST, GET, OPTIONS");
        response.setHeader("Access-Control-Max-Age", "86400");
        response.setStatus(HttpServletResponse.SC_OK);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Cors.allow(request, response, security.allowedOrigins());
        String payload;
        try {
            payload = HttpPayload.fromPost(request, MAX_BODY_BYTES);
        } catch (IllegalArgumentException e) {
            refuse(request, response, null, e.getMessage());
            return;
        }
        handle(request, response, payload, null);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Cors.allow(request, response, security.allowedOrigins());
        if (!transports.jsonp()) {
            refuseJsonp(request, response);
            return;
        }
        String callback = request.getParameter("jsonp");
        if (callback == null) callback = "jsonpcallback";
        if (!Jsonp.isValidCallback(callback)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "invalid jsonp callback name");
            return;
        }
        String payload = request.getParameter("message");
        if (payload == null) {
            refuse(request, response, callback, "missing message parameter");
            return;
        }
        handle(request, response, payload, callback);
    }

    private void handle(HttpServletRequest request, HttpServletResponse response, String payload, String callback) throws IOException {
        List<JsonObject> messages;
        try {
            messages = Payload.parse(payload);
        } catch (IllegalArgumentException e) {
            refuse(request, response, callback, e.getMessage());
            return;
        }
        if (messages.size() > security.maxBatchMessages()) {
            refuse(request, response, callback, BadPayload.tooManyMessages(messages.size(), security.maxBatchMessages()));
            return;
        }
        BatchReply reply = bayeux.handle(messages, Connection.polling(attributes(request)));
        var all = reply.all();
        if (all.isDone()) {
            write(response, callback, all.join());
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(0); // the core answers every held connect itself, at its timeout at the latest
        all.whenCompleteAsync((replies, failure) -> {
            try {
                write((HttpServletResponse) async.getResponse(), callback, failure == null ? replies : List.of());
            } catch (IOException | RuntimeException e) {
                LOG.fine(() -> "Long-poll reply lost with its connection: " + e);
            } finally {
                async.complete();
            }
        }, executor);
    }

    private static void write(HttpServletResponse response, String callback, List<FrozenMessage> replies) throws IOException {
        String json = FrozenMessage.toJsonArray(replies);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Cache-Control", "no-cache, no-store");
        if (callback == null) {
            response.setContentType("application/json;charset=UTF-8");
            response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
        } else {
            response.setContentType("text/javascript;charset=UTF-8");
            response.setHeader("Content-Disposition", "attachment; filename=f.txt");
            response.getOutputStream().write(Jsonp.wrap(callback, json).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** JSON, not a script: a page that loads it as one gets nothing to run, and whoever reads it learns why. */
    private static void refuseJsonp(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String reason = "callback-polling (JSONP) is disabled on this server (" + TransportSettings.JSONP + ")";
        LOG.info(() -> "Refused a Bayeux request from " + request.getRemoteAddr() + ": " + reason);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setHeader("Cache-Control", "no-cache, no-store");
        response.setContentType("application/json;charset=UTF-8");
        String json = FrozenMessage.toJsonArray(List.of(FrozenMessage.of(Json.createObjectBuilder()
                .add("successful", false)
                .add("error", "403::" + reason.replace(':', ' '))
                .build())));
        response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String callback, String reason) throws IOException {
        LOG.info(() -> "Refused a Bayeux request from " + request.getRemoteAddr() + ": " + LogSafe.text(reason));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        String json = FrozenMessage.toJsonArray(List.of(BadPayload.reply(reason)));
        response.setContentType(callback == null ? "application/json;charset=UTF-8" : "text/javascript;charset=UTF-8");
        response.getOutputStream().write((callback == null ? json : Jsonp.wrap(callback, json)).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> attributes(HttpServletRequest request) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : java.util.Collections.list(request.getHeaderNames())) {
            headers.put(name, java.util.Collections.list(request.getHeaders(name)));
        }
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(Connection.HEADERS, Map.copyOf(HandshakeAttributes.headers(headers)));
        attributes.put(Connection.TRANSPORT, "http");
        attributes.put(Connection.ADDRESS, request.getRemoteAddr());
        if (request.getUserPrincipal() != null) attributes.put(Connection.PRINCIPAL, request.getUserPrincipal());
        return attributes;
    }
}
