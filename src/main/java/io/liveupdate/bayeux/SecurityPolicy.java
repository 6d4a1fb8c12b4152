package io.liveupdate.bayeux;

import java.util.Optional;

/**
 * Decides what clients may do, on top of the rules the core always applies: no client subscribes to
 * {@code /meta/**} or {@code /service/**}, and nobody publishes to {@code /meta/**}. A refusal answers
 * {@code 403:<channel>:Forbidden channel}. Server-side publishing ({@link BayeuxServer#publish}) is not checked.
 *
 * <p>Called on request threads, concurrently: implementations must be thread-safe and quick.
 */
public interface SecurityPolicy {

    /** Lets everything through, as Faye does without extensions. */
    SecurityPolicy ALLOW_ALL = new SecurityPolicy() {
        @Override
        public boolean canSubscribe(ServerSession session, ChannelId channel) {
            return true;
        }

        @Override
        public boolean canPublish(Optional<ServerSession> session, ChannelId channel) {
            return true;
        }
    };

    /** Whether {@code session} may subscribe to {@code channel} (a name or a pattern). */
    boolean canSubscribe(ServerSession session, ChannelId channel);

    /**
     * Whether a client may publish to {@code channel} (always a name). The session is empty for an
     * "unconnected" publish, one without a known clientId, which Faye accepts.
     */
    boolean canPublish(Optional<ServerSession> session, ChannelId channel);
}
