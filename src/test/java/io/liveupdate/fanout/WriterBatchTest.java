package io.liveupdate.fanout;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class WriterBatchTest {

    private final List<String> done = new ArrayList<>();

    /** An I/O thread stand-in that keeps its tasks until told to run them. */
    private static final class QueuedThread implements Executor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            tasks.forEach(Runnable::run);
        }
    }

    @Test
    void eachWriterGetsOneTaskWithItsWritesInTheOrderTheyCame() {
        var first = new QueuedThread();
        var second = new QueuedThread();
        var batch = new WriterBatch();
        batch.add(first, () -> done.add("1a"));
        batch.add(second, () -> done.add("2a"));
        batch.add(first, () -> done.add("1b"));
        assertTrue(done.isEmpty(), "nothing runs before the batch does");

        batch.run();
        assertEquals(1, first.tasks.size());
        assertEquals(1, second.tasks.size());
        first.runAll();
        second.runAll();

        assertEquals(List.of("1a", "1b", "2a"), done);
    }

    @Test
    void aWriteWithoutAWriterRunsAtOnce() {
        new WriterBatch().add(null, () -> done.add("now"));
        assertEquals(List.of("now"), done);
    }

    @Test
    void aWriterThatRefusesHasItsWritesRunByTheCaller() {
        var batch = new WriterBatch();
        batch.add(task -> {
            throw new RejectedExecutionException("shutting down");
        }, () -> done.add("written anyway"));
        batch.run();
        assertEquals(List.of("written anyway"), done);
    }

    @Test
    void aFailingWriteCostsTheOthersNothing() {
        var io = new QueuedThread();
        var batch = new WriterBatch();
        batch.add(io, () -> {
            throw new IllegalStateException("broken socket");
        });
        batch.add(io, () -> done.add("next"));
        batch.add(null, () -> {
            throw new IllegalStateException("broken too");
        });
        batch.run();
        io.runAll();
        assertEquals(List.of("next"), done);
    }
}
