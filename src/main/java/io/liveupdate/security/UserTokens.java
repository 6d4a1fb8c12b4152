package io.liveupdate.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The users' bearer tokens, from {@code liveupdate.security.tokens} ({@code user=token,...}): the credential of
 * live connections (Bayeux {@code ext.authToken}, RemoteEvents {@code Remote-Token}) and of {@code Authorization:
 * Bearer}. Tokens should be long random values (e.g. {@code openssl rand -base64 32}); they are compared in
 * constant time, and every entry is looked at, so timing tells nothing about which or how much matched.
 */
public final class UserTokens {

    private record Entry(String user, byte[] token) {
    }

    private final List<Entry> entries;

    private UserTokens(List<Entry> entries) {
        this.entries = entries;
    }

    /** @throws IllegalArgumentException naming the first entry that is not {@code user=token} */
    public static UserTokens parse(String text) {
        var entries = new ArrayList<Entry>();
        for (String entry : text == null ? new String[0] : text.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) continue;
            int equals = trimmed.indexOf('=');
            if (equals <= 0 || equals == trimmed.length() - 1) {
                throw new IllegalArgumentException("liveupdate.security.tokens: an entry is not user=token");
            }
            entries.add(new Entry(trimmed.substring(0, equals), trimmed.substring(equals + 1).getBytes(StandardCharsets.UTF_8)));
        }
        return new UserTokens(List.copyOf(entries));
    }

    /** The user whose token this is. */
    public Optional<String> user(String token) {
        if (token == null || token.isEmpty()) return Optional.empty();
        byte[] candidate = token.getBytes(StandardCharsets.UTF_8);
        String found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.token(), candidate) && found == null) found = entry.user();
        }
        return Optional.ofNullable(found);
    }

    /** Every configured token, for the RemoteEvents keys that are bound to one. */
    public List<String> tokens() {
        return entries.stream().map(e -> new String(e.token(), StandardCharsets.UTF_8)).toList();
    }
}
