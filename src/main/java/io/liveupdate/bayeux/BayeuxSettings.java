package io.liveupdate.bayeux;

import java.util.List;

/**
 * The core's tunables.
 *
 * @param timeoutMillis how long a {@code /meta/connect} is held; keep it below any proxy's idle limit. A client's
 *        smaller {@code advice.timeout} wins, a larger one is cut to this.
 * @param intervalMillis advised pause between a connect reply and the next connect
 * @param maxIntervalMillis how long a session lives with no connect held before the sweeper ends it. Counting from
 *        the last connect reply, the default (= timeout) matches Faye's 2 × timeout from the connect's arrival.
 * @param sweepPeriodMillis how often expired sessions are looked for
 * @param maxQueue the most messages a session may have waiting; see {@link ServerSession} for what happens beyond
 * @param connectionTypes the types the handshake advertises, in this order
 * @param broadcastToPublisher whether a client receives its own publishes when subscribed (Faye: always)
 */
public record BayeuxSettings(long timeoutMillis, long intervalMillis, long maxIntervalMillis, long sweepPeriodMillis,
        int maxQueue, List<String> connectionTypes, boolean broadcastToPublisher) {

    public BayeuxSettings {
        if (timeoutMillis < 0 || intervalMillis < 0 || maxIntervalMillis < 0) throw new IllegalArgumentException("negative time");
        if (sweepPeriodMillis <= 0) throw new IllegalArgumentException("sweep period must be positive");
        if (maxQueue < 1) throw new IllegalArgumentException("maxQueue must be at least 1");
        connectionTypes = List.copyOf(connectionTypes);
        if (connectionTypes.isEmpty()) throw new IllegalArgumentException("no connection types");
    }

    /** 30 s connects, sessions kept 30 s after their last connect, swept every second, 1000 queued messages. */
    public static BayeuxSettings defaults() {
        return new BayeuxSettings(30_000, 0, 30_000, 1_000, 1_000,
                List.of(Bayeux.WEBSOCKET, Bayeux.LONG_POLLING, Bayeux.CROSS_ORIGIN_LONG_POLLING, Bayeux.CALLBACK_POLLING), true);
    }

    public BayeuxSettings withTimeout(long millis) {
        return new BayeuxSettings(millis, intervalMillis, maxIntervalMillis, sweepPeriodMillis, maxQueue, connectionTypes, broadcastToPublisher);
    }

    public BayeuxSettings withMaxInterval(long millis) {
        return new BayeuxSettings(timeoutMillis, intervalMillis, millis, sweepPeriodMillis, maxQueue, connectionTypes, broadcastToPublisher);
    }

    public BayeuxSettings withMaxQueue(int messages) {
        return new BayeuxSettings(timeoutMillis, intervalMillis, maxIntervalMillis, sweepPeriodMillis, messages, connectionTypes, broadcastToPublisher);
    }

    public BayeuxSettings withBroadcastToPublisher(boolean echo) {
        return new BayeuxSettings(timeoutMillis, intervalMillis, maxIntervalMillis, sweepPeriodMillis, maxQueue, connectionTypes, echo);
    }
}
