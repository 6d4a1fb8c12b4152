package io.liveupdate.bayeux;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

/** A socket that drains whenever it is woken (or never, if it plays a stalled one), recording what it wrote. */
final class RecordingOutbox implements Outbox {

    final List<FrozenMessage> written = new ArrayList<>();
    final AtomicInteger wakes = new AtomicInteger();
    volatile boolean open = true;
    volatile boolean stalled;
    /** Plays a write that has been started but not completed. */
    volatile boolean busy;
    /** The threads it was woken on. */
    final Set<Thread> wokenOn = ConcurrentHashMap.newKeySet();
    private final Executor writer;

    RecordingOutbox() {
        this(null);
    }

    /** A socket owned by {@code writer}, as one owned by a server's I/O thread. */
    RecordingOutbox(Executor writer) {
        this.writer = writer;
    }

    @Override
    public Executor writer() {
        return writer;
    }

    @Override
    public void wake(ServerSession session) {
        wakes.incrementAndGet();
        wokenOn.add(Thread.currentThread());
        if (stalled) return;
        synchronized (written) {
            written.addAll(session.drainFor(this));
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public boolean isIdle() {
        return !busy;
    }

    List<String> channels() {
        synchronized (written) {
            return written.stream().map(FrozenMessage::channel).toList();
        }
    }
}
