package io.liveupdate.remote;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Who may use RemoteEvents: the configured tokens, and the keys the handshake hands out for them.
 *
 * <p>A key is {@code base64url(nonce[16] expiry[8] position[8] HMAC-SHA256(token, nonce expiry position))}: random,
 * URL-safe (the client puts it on the WebSocket URL unencoded), bound to one token and valid until its expiry. It is
 * checked without any stored state, so keys survive a server restart (the 7.2 client reconnects with the same key
 * and never repeats the handshake), and removing a token from the configuration revokes its keys. The position is
 * where the page's calendar stood at its handshake (the number of its last change, or -1): what a page is caught
 * up from when the server has forgotten it (see {@link RemoteCatchUp}). Each handshake gets a fresh nonce, so a key
 * also tells one page from another.
 */
final class AccessKeys {

    private static final int NONCE = 16;
    private static final int POSITION = NONCE + Long.BYTES;
    private static final int HEAD = POSITION + Long.BYTES;
    /** The position of a key issued without one. */
    static final long NO_POSITION = -1;
    private static final int LENGTH = HEAD + 32;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final List<byte[]> tokens;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    AccessKeys(List<String> tokens, Duration ttl, Clock clock) {
        this.tokens = tokens.stream().map(t -> t.getBytes(StandardCharsets.UTF_8)).toList();
        this.ttl = ttl;
        this.clock = clock;
    }

    /** True for a configured token (compared in constant time). */
    boolean isToken(String candidate) {
        if (candidate == null) return false;
        byte[] bytes = candidate.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (byte[] token : tokens) found |= MessageDigest.isEqual(token, bytes);
        return found;
    }

    /** A fresh key for a configured token, carrying {@code position}. */
    String issue(String token, long position) {
        if (!isToken(token)) throw new IllegalArgumentException("not a configured token");
        byte[] key = new byte[LENGTH];
        random.nextBytes(key);
        ByteBuffer.wrap(key, NONCE, Long.BYTES).putLong(clock.instant().plus(ttl).getEpochSecond());
        ByteBuffer.wrap(key, POSITION, Long.BYTES).putLong(position);
        System.arraycopy(mac(token.getBytes(StandardCharsets.UTF_8), key), 0, key, HEAD, LENGTH - HEAD);
        return ENCODER.encodeToString(key);
    }

    /** True for a key issued for a token still configured, and not expired. */
    boolean isValidKey(String candidate) {
        byte[] key = decode(candidate);
        if (key == null || ByteBuffer.wrap(key, NONCE, Long.BYTES).getLong() <= clock.instant().getEpochSecond()) return false;
        byte[] sent = Arrays.copyOfRange(key, HEAD, LENGTH);
        boolean found = false;
        for (byte[] token : tokens) found |= MessageDigest.isEqual(sent, mac(token, key));
        return found;
    }

    /** The position a valid key carries; empty for anything else, or a key issued without one. */
    OptionalLong positionIn(String candidate) {
        if (!isValidKey(candidate)) return OptionalLong.empty();
        long position = ByteBuffer.wrap(decode(candidate), POSITION, Long.BYTES).getLong();
        return position < 0 ? OptionalLong.empty() : OptionalLong.of(position);
    }

    /** The configured token that {@code tokenOrKey} is, or that issued it (a valid key), if any. */
    Optional<String> tokenBehind(String tokenOrKey) {
        if (tokenOrKey == null) return Optional.empty();
        byte[] candidate = tokenOrKey.getBytes(StandardCharsets.UTF_8);
        byte[] key = decode(tokenOrKey);
        boolean live = key != null && ByteBuffer.wrap(key, NONCE, Long.BYTES).getLong() > clock.instant().getEpochSecond();
        byte[] found = null;
        for (byte[] token : tokens) {
            boolean matches = MessageDigest.isEqual(token, candidate)
                    || (live && MessageDigest.isEqual(Arrays.copyOfRange(key, HEAD, LENGTH), mac(token, key)));
            if (matches && found == null) found = token;
        }
        return Optional.ofNullable(found).map(t -> new String(t, StandardCharsets.UTF_8));
    }

    /**
     * What the WebSocket accepts as {@code token}: a valid key only. A URL ends up in proxy and access logs and in
     * the browser's history, so it carries the expiring key, never the long-lived token itself; the 7.2 client
     * always opens its socket with the key of its handshake.
     */
    boolean admits(String tokenOrKey) {
        return isValidKey(tokenOrKey);
    }

    private static byte[] decode(String candidate) {
        if (candidate == null || candidate.length() > 2 * LENGTH) return null;
        try {
            byte[] key = Base64.getUrlDecoder().decode(candidate);
            return key.length == LENGTH ? key : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] mac(byte[] token, byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(token, "HmacSHA256"));
            mac.update(key, 0, HEAD);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
