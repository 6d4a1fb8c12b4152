package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Wire.json;
import static io.liveupdate.bayeux.Wire.objects;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ConnectTest {

    private static final String ADVICE = "{'reconnect':'retry','interval':0,'timeout':30000}";

    private final Wire wire = new Wire();

    private String connect(String clientId, String id) {
        return "[{'channel':'/meta/connect','clientId':'%s','connectionType':'long-polling','id':'%s'}]".formatted(clientId, id);
    }

    @Test
    void heldUntilAPublishCompletesItWithTheEvent() {
        String clientId = wire.subscribed("/foo/*");
        var reply = wire.send(connect(clientId, "2"));
        assertTrue(reply.immediate().isEmpty());
        assertFalse(reply.held().isDone());

        wire.publish("/foo/bar", "{'hello':'world'}");

        assertEquals(java.util.List.of(
                json("{'id':'2','clientId':'" + clientId + "','channel':'/meta/connect','successful':true,'advice':" + ADVICE + "}"),
                json("{'channel':'/foo/bar','data':{'hello':'world'},'id':'p'}")), objects(reply.held().join()));
    }

    @Test
    void answeredAtOnceWhenEventsAreAlreadyWaiting() {
        String clientId = wire.subscribed("/foo");
        wire.publish("/foo", "1");
        var reply = wire.send(connect(clientId, "2"));
        assertTrue(reply.held().isDone());
        assertEquals(2, reply.held().join().size());
    }

    @Test
    void aNewerConnectCompletesTheOlderOneAndTakesTheEvents() {
        String clientId = wire.subscribed("/foo");
        var older = wire.send(connect(clientId, "2"));
        var newer = wire.send(connect(clientId, "3"));

        assertTrue(older.held().isDone());
        assertEquals(java.util.List.of(json("{'id':'2','clientId':'" + clientId + "','channel':'/meta/connect','successful':true,'advice':" + ADVICE + "}")),
                objects(older.held().join()));
        assertFalse(newer.held().isDone());
        wire.publish("/foo", "1");
        assertEquals("/foo", newer.held().join().get(1).channel());
    }

    @Test
    void timesOutAfterTheServersTimeoutWithAdvice() {
        String clientId = wire.handshake();
        var reply = wire.send(connect(clientId, "2"));
        wire.time.advance(29_999);
        assertFalse(reply.held().isDone());
        wire.time.advance(1);
        assertEquals(java.util.List.of(json("{'id':'2','clientId':'" + clientId + "','channel':'/meta/connect','successful':true,'advice':" + ADVICE + "}")),
                objects(reply.held().join()));
    }

    @Test
    void honoursTheClientsAdviceTimeout() {
        String clientId = wire.handshake();
        var zero = wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'long-polling','advice':{'timeout':0}}".formatted(clientId));
        assertTrue(zero.held().isDone(), "timeout 0 answers at once");

        var shorter = wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'long-polling','advice':{'timeout':5000}}".formatted(clientId));
        wire.time.advance(4_999);
        assertFalse(shorter.held().isDone());
        wire.time.advance(1);
        assertTrue(shorter.held().isDone());

        var longer = wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'long-polling','advice':{'timeout':600000}}".formatted(clientId));
        wire.time.advance(30_000);
        assertTrue(longer.held().isDone(), "never held longer than the server's timeout");
    }

    @Test
    void unknownClientIs401WithHandshakeAdviceAndNoClientId() {
        var reply = wire.send(connect("nosuchclient", "2"));
        assertTrue(reply.held().isDone());
        assertEquals(java.util.List.of(json("{'id':'2','channel':'/meta/connect','successful':false,"
                + "'error':'401:nosuchclient:Unknown client','advice':{'reconnect':'handshake','interval':0}}")), objects(reply.held().join()));
    }

    @Test
    void missingParametersAre402() {
        String clientId = wire.handshake();
        assertEquals("402:connectionType:Missing required parameter",
                wire.send("{'channel':'/meta/connect','clientId':'" + clientId + "'}").held().join().get(0).object().getString("error"));
        assertEquals("402:clientId:Missing required parameter",
                wire.send("{'channel':'/meta/connect','connectionType':'long-polling'}").held().join().get(0).object().getString("error"));
        assertEquals("301:iframe:Connection types not supported",
                wire.send("{'channel':'/meta/connect','clientId':'" + clientId + "','connectionType':'iframe'}").held().join().get(0).object().getString("error"));
    }

    @Test
    void aConnectInABatchIsAnsweredAfterTheOthersAndSeesTheirEffect() {
        String clientId = wire.handshake();
        var reply = wire.send(("[{'channel':'/meta/connect','clientId':'%1$s','connectionType':'long-polling','id':'4','advice':{'timeout':0}},"
                + "{'channel':'/meta/subscribe','clientId':'%1$s','subscription':'/foo/*','id':'5'},"
                + "{'channel':'/foo/bar','data':{'hello':'world'},'clientId':'%1$s','id':'6'}]").formatted(clientId));

        assertEquals(java.util.List.of(
                json("{'id':'5','clientId':'" + clientId + "','channel':'/meta/subscribe','successful':true,'subscription':'/foo/*'}"),
                json("{'id':'6','clientId':'" + clientId + "','channel':'/foo/bar','successful':true}"),
                json("{'id':'4','clientId':'" + clientId + "','channel':'/meta/connect','successful':true,'advice':" + ADVICE + "}"),
                json("{'channel':'/foo/bar','data':{'hello':'world'},'id':'6'}")), objects(reply.all().join()));
    }

    @Test
    void anEmptyBatchIsAnsweredWithAnEmptyBatch() {
        var reply = wire.send("[]");
        assertEquals("[]", FrozenMessage.toJsonArray(reply.all().join()));
    }
}
