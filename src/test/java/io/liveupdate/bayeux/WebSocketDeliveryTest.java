package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Wire.objects;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WebSocketDeliveryTest {

    private final Wire wire = new Wire();
    private final RecordingOutbox socket = new RecordingOutbox();
    private final Connection ws = Connection.push(socket, Map.of());

    private BatchReply connect(String clientId, Connection via) {
        return wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'websocket','id':'c'}".formatted(clientId), via);
    }

    @Test
    void eventsArePushedAtOnceWhileTheConnectStaysHeldAsAHeartbeat() {
        String clientId = wire.subscribed("/foo/*");
        var connect = connect(clientId, ws);

        wire.publish("/foo/bar", "{'n':1}");
        wire.publish("/foo/baz", "{'n':2}");

        assertEquals(List.of("/foo/bar", "/foo/baz"), socket.channels());
        assertFalse(connect.held().isDone(), "events do not wake a connect held over WebSocket");
        wire.time.advance(30_000);
        assertEquals(1, connect.held().join().size(), "the heartbeat reply carries no events");
    }

    @Test
    void eventsQueuedBeforeTheConnectAreFlushedWhenItArrives() {
        String clientId = wire.subscribed("/foo");
        wire.publish("/foo", "1");
        assertTrue(socket.channels().isEmpty());
        connect(clientId, ws);
        assertEquals(List.of("/foo"), socket.channels());
    }

    @Test
    void aClosedSocketLeavesEventsQueuedForTheNextConnect() {
        String clientId = wire.subscribed("/foo");
        connect(clientId, ws);
        socket.open = false;

        wire.publish("/foo", "1");
        assertTrue(socket.channels().isEmpty());

        var overHttp = wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'long-polling'}".formatted(clientId));
        assertEquals(List.of("/meta/connect", "/foo"), objects(overHttp.held().join()).stream().map(m -> m.getString("channel")).toList());
    }

    @Test
    void eventsFollowTheLatestConnectsConnection() {
        String clientId = wire.subscribed("/foo");
        connect(clientId, ws);
        var polling = wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'long-polling'}".formatted(clientId));
        wire.publish("/foo", "1");
        assertTrue(socket.channels().isEmpty());
        assertEquals(2, polling.held().join().size());
    }
}
