package io.liveupdate.ops;

import io.liveupdate.input.LogSafe;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** The calendar or chart a request path names, as a log field: cleaned and bounded like any request text in a log. */
final class RequestedStreams {

    private RequestedStreams() {
    }

    /** The path segment after {@code prefix} ({@code /api/calendars/}), decoded, or null when the path has none. */
    static String named(String path, String prefix) {
        if (!path.startsWith(prefix)) return null;
        int end = path.indexOf('/', prefix.length());
        String segment = path.substring(prefix.length(), end < 0 ? path.length() : end);
        if (segment.isEmpty()) return null;
        try {
            return LogSafe.text(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException badEscape) {
            return LogSafe.text(segment);
        }
    }
}
