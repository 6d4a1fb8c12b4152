package io.liveupdate.live.remote;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.logging.Logger;

/** The application's {@link AccessKeys}, built once from {@link RemoteSettings}. */
@ApplicationScoped
public class RemoteAccess {

    private static final Logger LOG = Logger.getLogger(RemoteAccess.class.getName());

    @Inject
    RemoteSettings settings;

    private AccessKeys keys;

    @PostConstruct
    void init() {
        var tokens = settings.tokens();
        if (tokens.isEmpty()) LOG.warning("liveupdate.remote.tokens is empty: every RemoteEvents handshake is refused");
        keys = new AccessKeys(tokens, settings.keyTtl(), Clock.systemUTC());
    }

    public boolean isToken(String token) {
        return keys.isToken(token);
    }

    public String issueKey(String token) {
        return keys.issue(token);
    }

    public boolean admitsSocket(String tokenOrKey) {
        return keys.admits(tokenOrKey);
    }
}
