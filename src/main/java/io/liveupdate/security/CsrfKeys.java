package io.liveupdate.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code dhx_security} key a load hands its page and a batched form save must send back: HMAC-SHA256 of the
 * caller's name under a random secret of this deployment. A page on another site can make the browser post a
 * form, but cannot read a load to learn the key. Stateless; a restart changes the secret, so pages opened before
 * it must reload.
 */
@ApplicationScoped
public class CsrfKeys {

    private final byte[] secret = new byte[32];

    public CsrfKeys() {
        new SecureRandom().nextBytes(secret);
    }

    /** The key for {@code caller} (empty for an anonymous one). */
    public String keyFor(String caller) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(caller == null ? "" : caller));
    }

    public boolean isValid(String caller, String key) {
        if (key == null) return false;
        return MessageDigest.isEqual(keyFor(caller).getBytes(StandardCharsets.US_ASCII), key.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] mac(String caller) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(caller.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
