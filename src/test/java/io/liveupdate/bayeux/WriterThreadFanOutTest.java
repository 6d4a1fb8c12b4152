package io.liveupdate.bayeux;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A fan-out wakes sockets owned by an I/O thread with one task per thread, without changing what anyone sees. */
@Timeout(10)
class WriterThreadFanOutTest {

    private final Wire wire = new Wire();
    private final List<ExecutorService> threads = new ArrayList<>();

    @AfterEach
    void stopThreads() {
        threads.forEach(ExecutorService::shutdownNow);
    }

    /** A single thread standing in for an I/O thread, counting the tasks handed to it. */
    private final class IoThread implements java.util.concurrent.Executor {
        final ExecutorService thread = Executors.newSingleThreadExecutor();
        final AtomicInteger tasks = new AtomicInteger();

        IoThread() {
            threads.add(thread);
        }

        @Override
        public void execute(Runnable task) {
            tasks.incrementAndGet();
            thread.execute(task);
        }

        void awaitIdle() throws Exception {
            thread.submit(() -> { }).get(5, TimeUnit.SECONDS);
        }
    }

    /** An I/O thread kept busy until {@code released} counts down, so the wakes handed to it wait. */
    private IoThread busyUntil(CountDownLatch released) {
        var io = new IoThread();
        io.execute(() -> {
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return io;
    }

    private RecordingOutbox connectedSocket(String clientId, java.util.concurrent.Executor writer) {
        var socket = new RecordingOutbox(writer);
        wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'websocket'}".formatted(clientId), Connection.push(socket, Map.of()));
        return socket;
    }

    @Test
    void eachIoThreadGetsOneTaskPerPublishAndWritesItsOwnSockets() throws Exception {
        var first = new IoThread();
        var second = new IoThread();
        var sockets = new ArrayList<RecordingOutbox>();
        for (int i = 0; i < 6; i++) sockets.add(connectedSocket(wire.subscribed("/foo"), i % 2 == 0 ? first : second));
        int firstBefore = first.tasks.get();
        int secondBefore = second.tasks.get();

        wire.publish("/foo", "1");
        wire.publish("/foo", "2");
        first.awaitIdle();
        second.awaitIdle();

        assertEquals(2, first.tasks.get() - firstBefore, "one task per publish for the three sockets of the first thread");
        assertEquals(2, second.tasks.get() - secondBefore, "and for those of the second");
        for (int i = 0; i < sockets.size(); i++) {
            var socket = sockets.get(i);
            assertEquals(List.of("/foo", "/foo"), socket.channels(), "socket " + i);
            assertEquals(1, socket.wokenOn.size());
            assertNotSame(Thread.currentThread(), socket.wokenOn.iterator().next(), "written by its I/O thread, not the publisher");
        }
    }

    @Test
    void aSessionThatMovesToAnotherSocketStillGetsEveryMessageInOrder() throws Exception {
        var busy = new CountDownLatch(1);
        var io = busyUntil(busy);
        String clientId = wire.subscribed("/foo");
        var oldSocket = connectedSocket(clientId, io);

        wire.publish("/foo", "{'n':1}");              // its wake waits behind the busy I/O thread
        var newSocket = connectedSocket(clientId, null); // reconnected meanwhile, over a socket woken at once
        wire.publish("/foo", "{'n':2}");
        busy.countDown();
        io.awaitIdle();

        var numbers = new ArrayList<Integer>();
        for (var socket : List.of(oldSocket, newSocket)) {
            synchronized (socket.written) {
                socket.written.forEach(m -> numbers.add(m.object().getJsonObject("data").getInt("n")));
            }
        }
        assertEquals(List.of(1, 2), numbers, "each message once, in publish order");
    }

    @Test
    void aLateWakeOfASocketTheSessionHasLeftTakesNothingFromIt() throws Exception {
        var busy = new CountDownLatch(1);
        var io = busyUntil(busy);
        String clientId = wire.subscribed("/foo");
        var oldSocket = connectedSocket(clientId, io);
        wire.publish("/foo", "1");               // its wake waits behind the busy I/O thread
        var newSocket = new RecordingOutbox();
        newSocket.stalled = true;                 // the new socket has not drained yet
        wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'websocket'}".formatted(clientId), Connection.push(newSocket, Map.of()));

        busy.countDown();
        io.awaitIdle();
        assertTrue(oldSocket.channels().isEmpty(), "the old socket's late wake must not carry the message into a socket the session left");

        newSocket.stalled = false;
        wire.publish("/foo", "2");
        assertEquals(List.of("/foo", "/foo"), newSocket.channels());
    }
}
