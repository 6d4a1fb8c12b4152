package io.liveupdate.bayeux;

/**
 * Told once when a session ends, however it ends: a {@code /meta/disconnect}, expiry, a queue overflow, a failed
 * handshake listener or the server stopping. The place to forget what the application keeps per session (counts
 * per client address, per-session budgets), so that nothing outlives the session it was kept for.
 *
 * <p>Called after the session is closed and has left every channel, on whichever thread ended it; must be quick,
 * thread-safe and must not throw (a listener that throws is logged and the others are still told).
 */
@FunctionalInterface
public interface SessionListener {

    void ended(ServerSession session);
}
