package io.liveupdate.security;

import jakarta.security.enterprise.credential.Credential;

/** A bearer token, as sent in {@code Authorization: Bearer <token>}. */
public record TokenCredential(String token) implements Credential {

    @Override
    public String toString() {
        return "TokenCredential[***]"; // never log the secret
    }
}
