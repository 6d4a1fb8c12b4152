package io.liveupdate.bayeux;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A socket that drains whenever it is woken (or never, if it plays a stalled one), recording what it wrote. */
final class RecordingOutbox implements Outbox {

    final List<FrozenMessage> written = new ArrayList<>();
    final AtomicInteger wakes = new AtomicInteger();
    volatile boolean open = true;
    volatile boolean stalled;

    @Override
    public void wake(ServerSession session) {
        wakes.incrementAndGet();
        if (stalled) return;
        synchronized (written) {
            written.addAll(session.drain());
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    List<String> channels() {
        synchronized (written) {
            return written.stream().map(FrozenMessage::channel).toList();
        }
    }
}
