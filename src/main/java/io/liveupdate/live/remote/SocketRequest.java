package io.liveupdate.live.remote;

import java.util.List;
import java.util.Map;

/**
 * What a WebSocket handshake asked for: {@code /api/v1[?calendar=<name>]&token=<key or token>&ws=1}.
 * Read by {@link RemoteHandshake} and carried to the endpoint in the connection's user properties.
 */
record SocketRequest(String token, String calendar) {

    static final String USER_PROPERTY = SocketRequest.class.getName();

    static SocketRequest of(Map<String, List<String>> query) {
        return new SocketRequest(first(query, "token"), first(query, CalendarName.PARAMETER));
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query == null ? null : query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
