package io.liveupdate.security;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who may read or write what, from {@code liveupdate.security.grants}: comma-separated {@code user:resource:rights},
 * where the resource is a calendar name ({@code default}, {@code team}), a storage channel ({@code /chat}) or
 * {@code *} (every calendar and channel, and wildcard subscriptions), and the rights are {@code r}, {@code w} or
 * {@code rw}. Write does not imply read. Anything not granted is refused.
 */
public final class Grants {

    public static final String EVERYTHING = "*";

    private final Map<String, Map<String, Set<Access>>> byUser = new HashMap<>();

    private Grants() {
    }

    /** @throws IllegalArgumentException naming the first entry that is not {@code user:resource:r|w|rw} */
    public static Grants parse(String text) {
        var grants = new Grants();
        for (String entry : text == null ? new String[0] : text.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) continue;
            int first = trimmed.indexOf(':');
            int last = trimmed.lastIndexOf(':');
            if (first <= 0 || last == first || last == trimmed.length() - 1) throw bad(trimmed);
            String user = trimmed.substring(0, first);
            String resource = trimmed.substring(first + 1, last);
            Set<Access> rights = rights(trimmed.substring(last + 1), trimmed);
            if (resource.isEmpty()) throw bad(trimmed);
            grants.byUser.computeIfAbsent(user, u -> new HashMap<>()).merge(resource, rights, Grants::union);
        }
        return grants;
    }

    /** Whether {@code user} may {@code access} {@code resource} (a calendar name or a channel), directly or through {@code *}. */
    public boolean allows(String user, String resource, Access access) {
        var resources = byUser.get(user);
        if (resources == null) return false;
        return resources.getOrDefault(resource, Set.of()).contains(access)
                || resources.getOrDefault(EVERYTHING, Set.of()).contains(access);
    }

    private static Set<Access> rights(String text, String entry) {
        return switch (text) {
            case "r" -> Set.of(Access.READ);
            case "w" -> Set.of(Access.WRITE);
            case "rw", "wr" -> Set.of(Access.READ, Access.WRITE);
            default -> throw bad(entry);
        };
    }

    private static Set<Access> union(Set<Access> a, Set<Access> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    private static IllegalArgumentException bad(String entry) {
        return new IllegalArgumentException("liveupdate.security.grants: '" + entry + "' is not user:resource:r|w|rw");
    }

    List<String> users() {
        return List.copyOf(byUser.keySet());
    }
}
