package io.liveupdate.live;

import java.util.function.LongSupplier;

/**
 * A token bucket: {@code perSecond} publishes a second on average, bursts of up to {@code perSecond}. One per
 * session, so one fast client is slowed without anyone else noticing. Thread-safe.
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

    /** Takes one publish from the bucket; false when it is empty. */
    synchronized boolean tryTake() {
        long now = nanoClock.getAsLong();
        available = Math.min(perSecond, available + (now - last) * perSecond / 1e9);
        last = now;
        if (available < 1) return false;
        available -= 1;
        return true;
    }
}
