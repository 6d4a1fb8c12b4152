package io.liveupdate.bench;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** Protocol failures seen during a run (refused messages, dropped sockets): counted, and the first few kept. */
final class Problems {

    private static final int KEPT = 5;

    private final AtomicLong count = new AtomicLong();
    private final List<String> first = new CopyOnWriteArrayList<>();

    void add(String what) {
        if (count.incrementAndGet() <= KEPT) first.add(what.length() > 300 ? what.substring(0, 300) + "…" : what);
    }

    long count() {
        return count.get();
    }

    List<String> first() {
        return first;
    }
}
