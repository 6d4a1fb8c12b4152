package io.liveupdate.ops;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The calendar or chart a request path names, as a log field: control characters and line separators become
 * {@code ?} (a field must not forge a line in the text logs) and the name is bounded. The same cleaning as
 * {@code input.LogSafe}, kept here because ops reads no other package but through its hooks.
 */
final class RequestedStreams {

    /** Longer names are cut (a log field, not a key); the connector refuses them anyway. */
    static final int MAX_CHARS = 100;

    private RequestedStreams() {
    }

    /** The path segment after {@code prefix} ({@code /api/calendars/}), decoded, or null when the path has none. */
    static String named(String path, String prefix) {
        if (!path.startsWith(prefix)) return null;
        int end = path.indexOf('/', prefix.length());
        String segment = path.substring(prefix.length(), end < 0 ? path.length() : end);
        if (segment.isEmpty()) return null;
        String name;
        try {
            name = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException badEscape) {
            name = segment;
        }
        return plain(name.length() > MAX_CHARS ? name.substring(0, MAX_CHARS) + "…" : name);
    }

    private static String plain(String name) {
        var out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x85 ? '?' : c));
        return out.toString();
    }
}
