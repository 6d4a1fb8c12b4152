package io.liveupdate.remote;

import java.util.List;
import java.util.Map;

/**
 * What a WebSocket handshake asked for: {@code /api/v1[?calendar=<name>|?gantt=<name>]&token=<key or token>&ws=1}.
 * Read by the transport from the upgrade request and handed to {@link RemoteProtocol#open}.
 */
public record SocketRequest(String token, String calendar, String gantt) {

    public static SocketRequest of(Map<String, List<String>> query) {
        return new SocketRequest(first(query, "token"), first(query, RemoteTarget.CALENDAR_PARAMETER), first(query, RemoteTarget.GANTT_PARAMETER));
    }

    /** The calendar or chart the socket follows; an {@link IllegalArgumentException} with the reason for a bad name. */
    RemoteTarget target() {
        return RemoteTarget.of(calendar, gantt);
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query == null ? null : query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
