package io.liveupdate.websocket;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One WebSocket's writer, for both protocols: at most one asynchronous write in flight, the next started when it
 * completes, from whatever the protocol queued meanwhile. Waking it never blocks, and a write that completes before
 * its send returns (a fast socket) lets the waking thread go on with the next one instead of recursing from the
 * completion, so the stack never grows with the queue.
 *
 * <p>What a frame is and how many may wait is the protocol's ({@link Frames}: Bayeux drains its session's bounded
 * queue into one JSON array per write; RemoteEvents keeps its own queue of frames with positions); how a frame is
 * sent is the transport's ({@link Send}, over a Jakarta WebSocket session), so this class names no socket API and
 * its users' tests need no server. After a failed write nothing more is started until the next {@link #wake}; the
 * protocol decides in {@link Frames#ended} whether there will be one.
 *
 * @param <F> a frame, as the protocol queues it
 */
public final class SocketWriter<F> {

    /** The protocol's side: its queue of frames and what a finished write means to it. */
    public interface Frames<F> {

        /** Takes the next frame to write off the queue, or null when none waits. Never called while a write is in flight. */
        F next();

        /**
         * The write of {@code frame} ended: {@code failure} is null once it was written, else why it was not. Called
         * once per frame, before the next frame is taken, on whichever thread completed the write.
         */
        void ended(F frame, Throwable failure);
    }

    /** The transport's side: starts writing one frame without blocking. */
    @FunctionalInterface
    public interface Send<F> {

        /**
         * Starts the write; {@code done} gets null once written, or the failure, possibly before this returns and on
         * any thread. A send that throws counts as a failed write.
         */
        void start(F frame, Consumer<Throwable> done);
    }

    private final Frames<F> frames;
    private final Send<F> send;
    private final AtomicBoolean writing = new AtomicBoolean();
    /** Set by every wake before it looks at {@code writing}, so a drain that found nothing can tell it raced one. */
    private final AtomicBoolean dirty = new AtomicBoolean();

    public SocketWriter(Frames<F> frames, Send<F> send) {
        this.frames = frames;
        this.send = send;
    }

    /**
     * Something was queued: starts writing it on this thread, unless a write is in flight, whose completion then
     * takes it. Called by any thread, concurrently and more often than needed; it never blocks.
     */
    public void wake() {
        dirty.set(true);
        if (!writing.get()) drain();
    }

    /** No write in flight and none asked for since the queue was last looked at (the queue itself is the protocol's to check). */
    public boolean isIdle() {
        return !writing.get() && !dirty.get();
    }

    private void drain() {
        while (writing.compareAndSet(false, true)) {
            dirty.set(false);
            F frame;
            try {
                frame = frames.next();
            } catch (RuntimeException e) {
                writing.set(false);
                throw e;
            }
            if (frame != null) {
                if (!write(frame)) return;
                continue;
            }
            writing.set(false);
            if (!dirty.get()) return;
        }
    }

    /** Starts one write; true when it was written before the send returned, so the caller goes on with the next. */
    private boolean write(F frame) {
        var write = new Write(frame);
        try {
            send.start(frame, write);
        } catch (RuntimeException e) {
            write.accept(e);
        }
        return write.writtenBeforeReturn();
    }

    /**
     * The completion of one write, which knows whether it came before or after the send returned. It frees the writer
     * before it says so, so that a sender told "done already" finds the writer free and goes on itself, and a
     * completion after the return (on the I/O thread, say) drains what queued meanwhile: never both, never neither.
     */
    private final class Write implements Consumer<Throwable> {
        private static final int SENDING = 0;
        private static final int RETURNED = 1;
        private static final int DONE = 2;
        private final AtomicInteger state = new AtomicInteger(SENDING);
        private final AtomicBoolean completed = new AtomicBoolean();
        private final F frame;
        private volatile boolean failed;

        Write(F frame) {
            this.frame = frame;
        }

        @Override
        public void accept(Throwable failure) {
            if (!completed.compareAndSet(false, true)) return; // a second completion of the same write
            failed = failure != null;
            try {
                frames.ended(frame, failure);
            } finally {
                writing.set(false);
            }
            int before = state.getAndSet(DONE);
            if (failure == null && before == RETURNED) drain();
        }

        /** Called once the send returned: true if the write had already completed, and successfully. */
        boolean writtenBeforeReturn() {
            return !state.compareAndSet(SENDING, RETURNED) && !failed;
        }
    }
}
