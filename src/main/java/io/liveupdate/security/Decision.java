package io.liveupdate.security;

/** The answer to "may this caller do that?", with the HTTP status a refusal maps to. */
public enum Decision {
    ALLOWED(200),
    /** Nobody identified: log in (Basic, Bearer, a token) first. */
    UNAUTHENTICATED(401),
    /** Identified, but without a grant for it. */
    FORBIDDEN(403);

    private final int status;

    Decision(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean allowed() {
        return this == ALLOWED;
    }
}
