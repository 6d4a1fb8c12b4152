package io.liveupdate.bayeux;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What the server waits for when the application stops, before the container closes the sockets. */
@Timeout(10)
class SocketsFlushedAtStopTest {

    private final Wire wire = new Wire();
    private final RecordingOutbox socket = new RecordingOutbox();

    private String pushedSubscriber() {
        String clientId = wire.subscribed("/foo");
        wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'websocket'}".formatted(clientId), Connection.push(socket, Map.of()));
        return clientId;
    }

    @Test
    void nothingToWaitForWhenEverySocketHasWrittenItsMessages() throws Exception {
        pushedSubscriber();
        wire.publish("/foo", "1");
        assertEquals(List.of("/foo"), socket.channels());
        assertEquals(0, wire.server.awaitSocketsFlushed(0));
    }

    @Test
    void aSocketThatHasNotTakenItsMessagesIsWaitedForUntilItHas() throws Exception {
        String clientId = pushedSubscriber();
        socket.stalled = true;
        wire.publish("/foo", "1");
        assertEquals(1, wire.server.awaitSocketsFlushed(20), "the queued message is not written yet");

        var writer = CompletableFuture.runAsync(() -> {
            socket.stalled = false;
            socket.wake(wire.server.session(clientId).orElseThrow());
        });
        assertEquals(0, wire.server.awaitSocketsFlushed(5_000));
        writer.join();
        assertEquals(List.of("/foo"), socket.channels());
    }

    @Test
    void aWriteStillInFlightIsWaitedFor() throws Exception {
        pushedSubscriber();
        socket.busy = true;
        wire.publish("/foo", "1");
        assertEquals(1, wire.server.awaitSocketsFlushed(20), "written to the outbox, but its write has not completed");
        socket.busy = false;
        assertEquals(0, wire.server.awaitSocketsFlushed(0));
    }

    @Test
    void longPollingSessionsAndClosedSocketsAreNotWaitedFor() throws Exception {
        wire.subscribed("/foo"); // never connected over a socket: its messages wait for its next connect
        pushedSubscriber();
        socket.stalled = true;
        wire.publish("/foo", "1");
        socket.open = false;
        assertEquals(0, wire.server.awaitSocketsFlushed(0));
    }
}
