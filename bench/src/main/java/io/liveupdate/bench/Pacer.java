package io.liveupdate.bench;

import java.util.concurrent.locks.LockSupport;

/** Paces a loop at a fixed rate against the clock, so a late step is followed by prompt ones, not a slower run. */
final class Pacer {

    private final long intervalNanos;
    private long next = System.nanoTime();

    Pacer(double perSecond) {
        this.intervalNanos = (long) (1e9 / perSecond);
    }

    void await() {
        next += intervalNanos;
        for (long wait; (wait = next - System.nanoTime()) > 0; ) LockSupport.parkNanos(wait);
    }
}
