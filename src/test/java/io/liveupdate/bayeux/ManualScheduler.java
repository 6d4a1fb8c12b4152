package io.liveupdate.bayeux;

import java.util.PriorityQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/** Time that moves only when a test says so; due tasks run on the test's thread, in due order. */
final class ManualScheduler implements Scheduler {

    private record Task(long due, long seq, Runnable work, AtomicBoolean cancelled) {
    }

    private final PriorityQueue<Task> tasks = new PriorityQueue<>((a, b) -> a.due != b.due ? Long.compare(a.due, b.due) : Long.compare(a.seq, b.seq));
    private long now = 1_000_000;
    private long seq;

    @Override
    public synchronized long now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Runnable work, long delayMillis) {
        var task = new Task(now + delayMillis, seq++, work, new AtomicBoolean());
        tasks.add(task);
        return () -> task.cancelled.set(true);
    }

    void advance(long millis) {
        long target;
        synchronized (this) {
            target = now + millis;
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.due > target) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = next.due;
            }
            if (!next.cancelled.get()) next.work.run();
        }
    }

    synchronized long pending() {
        return tasks.stream().filter(t -> !t.cancelled.get()).count();
    }
}
