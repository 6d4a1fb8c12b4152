package io.liveupdate.bayeux;

/** Where a session that queued a message sends its outbox to be woken: at once, or into a fan-out's batch of writes. */
@FunctionalInterface
interface Wakes {

    void wake(Outbox outbox, ServerSession session);
}
