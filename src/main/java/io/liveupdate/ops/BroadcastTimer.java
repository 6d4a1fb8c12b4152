package io.liveupdate.ops;

import io.liveupdate.calendar.EventChanged;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

/**
 * Broadcast latency: a committed change is fired right after the commit and its observers (the Bayeux and
 * RemoteEvents publishers) queue its messages synchronously, on the committing thread, in priority order. So the
 * time from the first observer to the last is the time from the commit to the messages waiting for every
 * subscriber. Observers of one event run on one thread, hence the thread-local start.
 */
@ApplicationScoped
public class BroadcastTimer {

    private static final ThreadLocal<long[]> STARTED = ThreadLocal.withInitial(() -> new long[1]);

    @Inject
    OpsMetrics metrics;

    void committed(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) EventChanged change) {
        STARTED.get()[0] = System.nanoTime();
    }

    void queued(@Observes @Priority(Interceptor.Priority.PLATFORM_AFTER + 1000) EventChanged change) {
        long started = STARTED.get()[0];
        if (started != 0) metrics.broadcast().record(System.nanoTime() - started);
        STARTED.get()[0] = 0;
    }
}
