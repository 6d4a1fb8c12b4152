package io.liveupdate.security;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which page origins may use the server from a browser (CORS on {@code /sync}, the {@code /sync} WebSocket, saves),
 * from {@code liveupdate.security.allowed-origins}: a comma-separated list such as
 * {@code https://app.example.com,http://localhost:3000}. Unset (the default), only the server's own origin: the
 * demo pages are served by the server itself, so they need no entry. The server's own origin is always allowed, and
 * so is a request without {@code Origin} (not a browser page: Node's Faye client, curl).
 *
 * <p>{@code *} lets any page in, but never with credentials: a page the list does not name gets
 * {@code Access-Control-Allow-Origin: *} without {@code Allow-Credentials}, so the browser sends no cookie or
 * login of the user along ({@link #allowsWithCredentials}). With security on, {@code *} is refused at deployment
 * ({@link SafeDefaults}).
 */
public final class AllowedOrigins {

    static final String ANY = "*";

    private final boolean any;
    private final Set<String> origins;

    private AllowedOrigins(boolean any, Set<String> origins) {
        this.any = any;
        this.origins = origins;
    }

    public static AllowedOrigins parse(String text) {
        var list = Arrays.stream(text == null ? new String[0] : text.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).map(AllowedOrigins::normal).collect(Collectors.toSet());
        return new AllowedOrigins(list.contains(ANY), Set.copyOf(list));
    }

    /** Whether the setting names {@code *}. */
    public boolean any() {
        return any;
    }

    /**
     * @param origin the request's {@code Origin} header, or null
     * @param host the request's {@code Host} header (host[:port]), for the same-origin case; may be null
     */
    public boolean allows(String origin, String host) {
        return any || allowsWithCredentials(origin, host);
    }

    /**
     * Whether a page of this origin may act with the user's credentials: no {@code Origin}, the server's own, or one
     * the list names ({@code *} does not count).
     */
    public boolean allowsWithCredentials(String origin, String host) {
        if (origin == null) return true;
        String normal = normal(origin);
        if (origins.contains(normal)) return true;
        return host != null && sameHost(normal, host);
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            if (authority == null) return false;
            String expected = host.toLowerCase(Locale.ROOT);
            return authority.equals(expected)
                    || authority.equals(expected + (uri.getScheme().equals("https") ? ":443" : ":80"))
                    || (authority + (uri.getScheme().equals("https") ? ":443" : ":80")).equals(expected);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static String normal(String origin) {
        String lower = origin.trim().toLowerCase(Locale.ROOT);
        return lower.endsWith("/") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
