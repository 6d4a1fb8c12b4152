package io.liveupdate.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Authentication, grants, CSRF, origins and the per-client limits, from the server's MicroProfile Config. Read and
 * checked once when the application starts: a malformed list fails the deployment rather than letting a typo
 * open or close access silently.
 */
@ApplicationScoped
public class SecuritySettings {

    @Inject
    @ConfigProperty(name = "liveupdate.security.enabled", defaultValue = "false")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "liveupdate.security.users")
    Optional<String> users;

    @Inject
    @ConfigProperty(name = "liveupdate.security.tokens")
    Optional<String> tokens;

    @Inject
    @ConfigProperty(name = "liveupdate.security.grants")
    Optional<String> grants;

    @Inject
    @ConfigProperty(name = "liveupdate.security.csrf", defaultValue = "false")
    boolean csrf;

    @Inject
    @ConfigProperty(name = "liveupdate.security.allowed-origins")
    Optional<String> allowedOrigins; // unset: the server's own origin only

    @Inject
    @ConfigProperty(name = "liveupdate.security.max-batch-messages", defaultValue = "1000")
    int maxBatchMessages;

    // A page holds one Bayeux session and a few subscriptions. 1,000 sessions per address leave room for a large
    // office behind one NAT address, or a reverse proxy that hides its clients' addresses from a WebSocket, while
    // one attacker's address holds at most 1,000 x 100 subscriptions; the totals bound what all addresses together
    // can make the server keep (a load test lifts all four, see bench/run.sh).
    @Inject
    @ConfigProperty(name = "liveupdate.security.max-sessions-per-address", defaultValue = "1000")
    int maxSessionsPerAddress;

    @Inject
    @ConfigProperty(name = "liveupdate.security.max-sessions", defaultValue = "20000")
    int maxSessions;

    @Inject
    @ConfigProperty(name = "liveupdate.security.max-subscriptions-per-session", defaultValue = "100")
    int maxSubscriptionsPerSession;

    @Inject
    @ConfigProperty(name = "liveupdate.security.max-subscriptions", defaultValue = "200000")
    int maxSubscriptions;

    @Inject
    @ConfigProperty(name = "liveupdate.security.publishes-per-second", defaultValue = "1000")
    int publishesPerSecond;

    private PasswordHashes passwordHashes;
    private UserTokens userTokens;
    private Grants parsedGrants;
    private AllowedOrigins origins;

    @PostConstruct
    void parse() {
        passwordHashes = PasswordHashes.parse(users.orElse(""));
        userTokens = UserTokens.parse(tokens.orElse(""));
        parsedGrants = Grants.parse(grants.orElse(""));
        origins = AllowedOrigins.parse(allowedOrigins.orElse(""));
    }

    /** Whether callers must identify themselves and hold grants; off, everything is allowed to everyone. */
    public boolean enabled() {
        return enabled;
    }

    public PasswordHashes passwordHashes() {
        return passwordHashes;
    }

    public UserTokens userTokens() {
        return userTokens;
    }

    public Grants grants() {
        return parsedGrants;
    }

    /** Whether batched form saves must carry the {@code dhx_security} key their page loaded. */
    public boolean csrf() {
        return csrf;
    }

    public AllowedOrigins allowedOrigins() {
        return origins;
    }

    public int maxBatchMessages() {
        return Math.max(1, maxBatchMessages);
    }

    public int maxSessionsPerAddress() {
        return Math.max(1, maxSessionsPerAddress);
    }

    /** Bayeux sessions the server holds in all. */
    public int maxSessions() {
        return Math.max(1, maxSessions);
    }

    public int maxSubscriptionsPerSession() {
        return Math.max(1, maxSubscriptionsPerSession);
    }

    /** Bayeux subscriptions the server holds in all sessions together. */
    public int maxSubscriptions() {
        return Math.max(1, maxSubscriptions);
    }

    public int publishesPerSecond() {
        return Math.max(1, publishesPerSecond);
    }
}
