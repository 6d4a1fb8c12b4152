package io.liveupdate.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A peer that records what is written; it completes writes at once, or holds them until {@link #complete}. */
class FakePeer implements RemotePeer {

    final List<String> written = new ArrayList<>();
    final List<Consumer<Throwable>> pending = new ArrayList<>();
    int pings;
    int maxInFlight;
    int closeCode;
    String closeReason;
    boolean holdWrites;
    /** The thread that owns this peer's socket, as a server's I/O thread; null for none. */
    java.util.concurrent.Executor writer;
    final List<Thread> writtenOn = new ArrayList<>();
    private int inFlight;

    @Override
    public java.util.concurrent.Executor writer() {
        return writer;
    }

    static FakePeer holding() {
        var peer = new FakePeer();
        peer.holdWrites = true;
        return peer;
    }

    @Override
    public synchronized void sendText(String text, Consumer<Throwable> done) {
        written.add(text);
        writtenOn.add(Thread.currentThread());
        start(done);
    }

    @Override
    public synchronized void sendPing(Consumer<Throwable> done) {
        pings++;
        start(done);
    }

    @Override
    public synchronized void close(int code, String reason) {
        closeCode = code;
        closeReason = reason;
    }

    /** Completes the oldest held write. */
    void complete(Throwable failure) {
        Consumer<Throwable> done;
        synchronized (this) {
            done = pending.remove(0);
            inFlight--;
        }
        done.accept(failure);
    }

    private void start(Consumer<Throwable> done) {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        if (holdWrites) {
            pending.add(done);
        } else {
            inFlight--;
            done.accept(null);
        }
    }
}
