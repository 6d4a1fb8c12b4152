package io.liveupdate.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The socket writes one fan-out starts, grouped by the thread that owns each socket (its server's I/O thread):
 * each such writer gets one task that runs all of its writes, so a message to thousands of sockets costs a
 * hand-off per I/O thread rather than one per socket, and the writes run on the I/O threads side by side instead
 * of one after another on the publishing thread. A write without a writer runs at once. A failing write is logged
 * and costs no other its turn.
 *
 * <p>Filled by one fan-out on one thread, then {@link #run() run} once.
 */
public final class WriterBatch {

    private static final Logger LOG = Logger.getLogger(WriterBatch.class.getName());

    /** Few writers (a server has a handful of I/O threads), so a list beats a map. */
    private final List<Group> groups = new ArrayList<>(8);

    /** Runs {@code write} now if {@code writer} is null, else on {@code writer} once the batch {@link #run() runs}. */
    public void add(Executor writer, Runnable write) {
        if (writer == null) {
            runSafely(write);
        } else {
            group(writer).writes.add(write);
        }
    }

    /** Hands each writer its writes; a writer that refuses (shutting down) has them run here instead. */
    public void run() {
        for (Group group : groups) {
            try {
                group.writer.execute(group);
            } catch (RejectedExecutionException e) {
                group.run();
            }
        }
    }

    private Group group(Executor writer) {
        for (Group group : groups) {
            if (group.writer == writer) return group;
        }
        var group = new Group(writer);
        groups.add(group);
        return group;
    }

    private static void runSafely(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            // One broken socket must not cost the others their message.
            LOG.log(Level.WARNING, "a write of a fan-out failed", e);
        }
    }

    private static final class Group implements Runnable {
        private final Executor writer;
        private final List<Runnable> writes = new ArrayList<>();

        Group(Executor writer) {
            this.writer = writer;
        }

        @Override
        public void run() {
            for (Runnable write : writes) runSafely(write);
        }
    }
}
