package io.liveupdate.bayeux;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Time for the core: the clock it reads and the timers it sets (held {@code /meta/connect} timeouts, session
 * sweeping). In the server this wraps a {@code ManagedScheduledExecutorService} (no raw threads); tests pass a
 * manual one and move time themselves.
 */
public interface Scheduler {

    /** Milliseconds on a monotonic clock; only differences are meaningful. */
    long now();

    /** Runs {@code task} once, about {@code delayMillis} from now, on some other thread. */
    Cancellable schedule(Runnable task, long delayMillis);

    /** A timer that may be cancelled; cancelling one that has run or was cancelled does nothing. */
    @FunctionalInterface
    interface Cancellable {
        void cancel();
    }

    /** The scheduler of a (managed) executor, with {@link System#nanoTime()} as the clock. */
    static Scheduler of(ScheduledExecutorService executor) {
        return new Scheduler() {
            @Override
            public long now() {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime());
            }

            @Override
            public Cancellable schedule(Runnable task, long delayMillis) {
                var future = executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
                return () -> future.cancel(false);
            }
        };
    }
}
