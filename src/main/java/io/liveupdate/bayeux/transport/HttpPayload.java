package io.liveupdate.bayeux.transport;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The Bayeux payload of a POST, in the three forms Faye's clients send: a JSON body, a form with
 * {@code message=<json>}, or that form as text/plain (Faye's CORS transport sets no content type).
 */
final class HttpPayload {

    private HttpPayload() {
    }

    static String fromPost(HttpServletRequest request, int limit) throws IOException {
        String body = read(request.getInputStream(), limit);
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if (contentType.contains("json")) return body;
        String trimmed = body.stripLeading();
        if (trimmed.startsWith("[") || trimmed.startsWith("{")) return body;
        for (String pair : body.split("&")) {
            if (pair.startsWith("message=")) {
                try {
                    return URLDecoder.decode(pair.substring("message=".length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("malformed form encoding of message");
                }
            }
        }
        throw new IllegalArgumentException("no Bayeux message in the request body");
    }

    private static String read(InputStream in, int limit) throws IOException {
        var out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (out.size() + n > limit) throw new IllegalArgumentException("request body larger than " + limit + " bytes");
            out.write(buffer, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
