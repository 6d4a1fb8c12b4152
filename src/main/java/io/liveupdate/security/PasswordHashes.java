package io.liveupdate.security;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The users' password hashes, from {@code liveupdate.security.users}: {@code user=hash;user=hash}, each hash in the
 * format of Jakarta Security's {@code Pbkdf2PasswordHash} ({@code PBKDF2WithHmacSHA256:2048:<salt>:<hash>}, Base64),
 * which is what verifies them. Separated by {@code ;} because the hashes contain {@code :} and may contain
 * {@code ,}-free Base64 only.
 */
public final class PasswordHashes {

    private final Map<String, String> byUser;

    private PasswordHashes(Map<String, String> byUser) {
        this.byUser = byUser;
    }

    /** @throws IllegalArgumentException for an entry that is not {@code user=hash} */
    public static PasswordHashes parse(String text) {
        var byUser = new HashMap<String, String>();
        for (String entry : text == null ? new String[0] : text.split(";")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) continue;
            int equals = trimmed.indexOf('=');
            if (equals <= 0 || equals == trimmed.length() - 1) {
                throw new IllegalArgumentException("liveupdate.security.users: an entry is not user=hash");
            }
            byUser.put(trimmed.substring(0, equals), trimmed.substring(equals + 1));
        }
        return new PasswordHashes(Map.copyOf(byUser));
    }

    public Optional<String> hashOf(String user) {
        return Optional.ofNullable(user == null ? null : byUser.get(user));
    }
}
