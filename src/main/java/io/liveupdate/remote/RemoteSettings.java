package io.liveupdate.remote;

import io.liveupdate.security.RemoteTokens;
import io.liveupdate.security.SafeDefaults;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** RemoteEvents settings, from the server's MicroProfile Config (system properties, environment, ...). */
@ApplicationScoped
public class RemoteSettings {

    @Inject
    @ConfigProperty(name = RemoteTokens.SETTING)
    Optional<String> tokens;

    @Inject
    @ConfigProperty(name = SafeDefaults.DEMO, defaultValue = "false")
    boolean demo;

    @Inject
    @ConfigProperty(name = "liveupdate.remote.key-ttl-seconds", defaultValue = "86400")
    long keyTtlSeconds;

    @Inject
    @ConfigProperty(name = "liveupdate.remote.ping-interval-seconds", defaultValue = "30")
    long pingIntervalSeconds;

    @Inject
    @ConfigProperty(name = "liveupdate.remote.max-queued-messages", defaultValue = "256")
    int maxQueuedMessages;

    @Inject
    @ConfigProperty(name = "liveupdate.remote.position-write-millis", defaultValue = "2000")
    long positionWriteMillis;

    /** The accepted Remote-Token values: comma-separated, blanks ignored. */
    public List<String> tokens() {
        return tokens(tokens, demo);
    }

    /**
     * The configured tokens; unset, the public demo token in the demo and none elsewhere, so a WAR deployed as it is
     * refuses every RemoteEvents handshake (403) until an operator names tokens of their own.
     */
    static List<String> tokens(Optional<String> configured, boolean demo) {
        return configured.map(RemoteTokens::parse).orElse(demo ? List.of(RemoteTokens.DEMO_TOKEN) : List.of());
    }

    public Duration keyTtl() {
        return Duration.ofSeconds(keyTtlSeconds);
    }

    public Duration pingInterval() {
        return Duration.ofSeconds(Math.max(1, pingIntervalSeconds));
    }

    /**
     * How often open connections' positions are written for the other nodes: the most a page is sent again (what it
     * had in that time) after its node crashed, against one database write per moving page per interval.
     */
    public Duration positionWriteInterval() {
        return Duration.ofMillis(Math.max(100, positionWriteMillis));
    }

    public int maxQueuedMessages() {
        return Math.max(1, maxQueuedMessages);
    }
}
