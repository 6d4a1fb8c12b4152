package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Wire.json;
import static io.liveupdate.bayeux.Wire.objects;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A session that falls more than maxQueue messages behind is closed, never silently thinned. */
@Timeout(10)
class QueueBoundTest {

    private final Wire wire = new Wire(BayeuxSettings.defaults().withMaxQueue(3));

    @Test
    void anAbsentClientIsClosedWhenItsQueueOverflowsAndToldToHandshake() {
        String clientId = wire.subscribed("/foo");
        for (int i = 0; i < 3; i++) assertEquals(1, wire.server.publish("/foo", json("{}")));
        assertTrue(wire.server.session(clientId).isPresent(), "at the bound, still alive");

        assertEquals(0, wire.server.publish("/foo", json("{}")));

        assertTrue(wire.server.session(clientId).isEmpty());
        assertEquals(0, wire.server.subscriberCount("/foo"));
        var reply = objects(wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'long-polling'}".formatted(clientId)).held().join());
        assertEquals(List.of(json("{'channel':'/meta/connect','successful':false,'error':'401:" + clientId + ":Unknown client',"
                + "'advice':{'reconnect':'handshake','interval':0}}")), reply);
    }

    @Test
    void aStalledSocketOverflowsAndItsHeldConnectAsksForAHandshake() {
        var socket = new RecordingOutbox();
        socket.stalled = true;
        String clientId = wire.subscribed("/foo");
        var connect = wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'websocket','id':'c'}".formatted(clientId),
                Connection.push(socket, Map.of()));

        for (int i = 0; i < 4; i++) wire.server.publish("/foo", json("{}"));

        var reply = connect.held().join().get(0).object();
        assertEquals("401:" + clientId + ":Unknown client", reply.getString("error"));
        assertEquals("handshake", reply.getJsonObject("advice").getString("reconnect"));
        assertEquals(3, socket.wakes.get());
    }

    @Test
    void aClientThatKeepsUpNeverOverflows() {
        String clientId = wire.subscribed("/foo");
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 3; i++) wire.server.publish("/foo", json("{}"));
            var events = wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'long-polling'}".formatted(clientId)).held().join();
            assertEquals(4, events.size());
        }
        assertTrue(wire.server.session(clientId).isPresent());
    }

    @Test
    void aSnapshotDeliveredToOneSessionCountsAgainstItsBound() {
        var session = wire.server.session(wire.handshake()).orElseThrow();
        for (int i = 0; i < 3; i++) assertTrue(session.deliver("/snapshot", json("{}")));
        assertFalse(session.deliver("/snapshot", json("{}")));
        assertTrue(session.isClosed());
    }
}
