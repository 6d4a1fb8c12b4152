package io.liveupdate.remote;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.liveupdate.security.Access;
import io.liveupdate.security.AccessControl;
import io.liveupdate.security.Decision;
import io.liveupdate.security.SecuritySettings;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Logger;

/** The application's {@link AccessKeys}, built once from {@link RemoteSettings}. */
@ApplicationScoped
public class RemoteAccess {

    private static final Logger LOG = Logger.getLogger(RemoteAccess.class.getName());

    @Inject
    RemoteSettings settings;
    @Inject
    SecuritySettings security;
    @Inject
    AccessControl control;

    private AccessKeys keys;

    @PostConstruct
    void init() {
        // With security on, the users' own tokens (liveupdate.security.tokens) are the RemoteEvents tokens too.
        var tokens = security.enabled() ? security.userTokens().tokens() : settings.tokens();
        if (tokens.isEmpty()) LOG.warning("no RemoteEvents tokens are configured: every RemoteEvents handshake is refused");
        keys = new AccessKeys(tokens, settings.keyTtl(), Clock.systemUTC());
    }

    public boolean isToken(String token) {
        return keys.isToken(token);
    }

    /** A fresh key for the token, carrying where the page's calendar stands now ({@link RemoteCatchUp}). */
    public String issueKey(String token, long position) {
        return keys.issue(token, position);
    }

    /** Whether this is a key from a handshake (which identifies one page), not a configured token. */
    public boolean isKey(String tokenOrKey) {
        return keys.isValidKey(tokenOrKey);
    }

    /** The position a key carries, if it is a valid key with one. */
    public OptionalLong positionIn(String tokenOrKey) {
        return keys.positionIn(tokenOrKey);
    }

    public boolean admitsSocket(String tokenOrKey) {
        return keys.admits(tokenOrKey);
    }

    /** Whether the holder of this token or key may read the calendar's events (always, with security off). */
    public Decision mayRead(String tokenOrKey, String calendar) {
        Optional<String> user = keys.tokenBehind(tokenOrKey).flatMap(security.userTokens()::user);
        return control.decide(user, calendar, Access.READ);
    }
}
