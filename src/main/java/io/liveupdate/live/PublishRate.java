package io.liveupdate.live;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} takes a second on average, bursts of up to {@code perSecond}. One per session
 * and kind (publishes, new subscriptions), so one fast client is slowed without anyone else noticing. Thread-safe.
 */
final class PublishRate {

    private final double perSecond;
    private final LongSupplier nanoClock;
    private double available;
    private long last;

    PublishRate(int perSecond, LongSupplier nanoClock) {
        this.perSecond = perSecond;
        this.nanoClock = nanoClock;
        this.available = perSecond;
        this.last = nanoClock.getAsLong();
    }

    /** Takes one from the bucket; false when it is empty. */
    synchronized boolean tryTake() {
        return tryTake(1);
    }

    /** Takes {@code count} from the bucket, all or nothing; false when it holds fewer. */
    synchronized boolean tryTake(int count) {
        if (!holds(count)) return false;
        available -= count;
        return true;
    }

    /** Whether the bucket holds {@code count} now; takes nothing (for a cost known only once the work is done). */
    synchronized boolean holds(int count) {
        long now = nanoClock.getAsLong();
        available = Math.min(perSecond, available + (now - last) * perSecond / 1e9);
        last = now;
        return available >= count;
    }

    /** Takes one whatever the bucket holds: the work was done (the bucket refills from below zero). */
    synchronized void spend() {
        holds(0);
        available -= 1;
    }
}
