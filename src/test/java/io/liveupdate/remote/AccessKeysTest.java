package io.liveupdate.remote;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AccessKeysTest {

    private static final Instant NOW = Instant.parse("2025-04-01T09:00:00Z");
    private final AccessKeys keys = keys(List.of("demo-token", "other"), NOW);

    @Test
    void onlyConfiguredTokensAreTokens() {
        assertTrue(keys.isToken("demo-token"));
        assertTrue(keys.isToken("other"));
        assertFalse(keys.isToken("demo-toke"));
        assertFalse(keys.isToken(""));
        assertFalse(keys.isToken(null));
    }

    @Test
    void anIssuedKeyIsUrlSafeFreshAndAdmitted() {
        String key = keys.issue("demo-token", AccessKeys.NO_POSITION);

        assertTrue(key.matches("[A-Za-z0-9_-]+"), key);
        assertNotEquals(key, keys.issue("demo-token", AccessKeys.NO_POSITION));
        assertTrue(keys.isValidKey(key));
        assertTrue(keys.admits(key));
        assertFalse(keys.isToken(key));
    }

    @Test
    void aKeyExpiresAfterItsTimeToLive() {
        String key = keys.issue("demo-token", AccessKeys.NO_POSITION);

        assertTrue(keys(List.of("demo-token"), NOW.plus(Duration.ofMinutes(59))).isValidKey(key));
        assertFalse(keys(List.of("demo-token"), NOW.plus(Duration.ofMinutes(60))).isValidKey(key));
    }

    @Test
    void aKeyIsBoundToItsTokenAndSurvivesARestartWithTheSameTokens() {
        String key = keys.issue("other", AccessKeys.NO_POSITION);

        assertTrue(keys(List.of("other"), NOW).isValidKey(key), "checked without state: another instance admits it");
        assertFalse(keys(List.of("demo-token"), NOW).isValidKey(key), "removing its token revokes it");
    }

    @Test
    void aTamperedOrForgedKeyIsRefused() {
        String key = keys.issue("demo-token", AccessKeys.NO_POSITION);
        char last = key.charAt(5);
        String tampered = key.substring(0, 5) + (last == 'A' ? 'B' : 'A') + key.substring(6);

        assertFalse(keys.isValidKey(tampered));
        assertFalse(keys.isValidKey(key.substring(1)));
        assertFalse(keys.isValidKey("not base64 at all!"));
        assertFalse(keys.isValidKey(null));
        assertFalse(keys.admits("guess"));
        assertFalse(keys.admits("demo-token"), "a WebSocket URL carries a key, never the token itself");
        assertThrows(IllegalArgumentException.class, () -> keys.issue("not configured", AccessKeys.NO_POSITION));
    }

    @Test
    void aKeyCarriesThePositionItWasIssuedWithAndItCannotBeChanged() {
        String key = keys.issue("demo-token", 4242);

        assertEquals(OptionalLong.of(4242), keys.positionIn(key));
        assertEquals(OptionalLong.empty(), keys.positionIn(keys.issue("demo-token", AccessKeys.NO_POSITION)), "issued without one");
        assertEquals(OptionalLong.empty(), keys.positionIn("demo-token"), "a token is not a key");
        byte[] bytes = Base64.getUrlDecoder().decode(key);
        bytes[16 + 8 + 7] ^= 1; // the position's last byte
        String moved = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        assertFalse(keys.isValidKey(moved), "the position is signed");
        assertEquals(OptionalLong.empty(), keys.positionIn(moved));
    }

    private static AccessKeys keys(List<String> tokens, Instant now) {
        return new AccessKeys(tokens, Duration.ofHours(1), Clock.fixed(now, ZoneOffset.UTC));
    }
}
