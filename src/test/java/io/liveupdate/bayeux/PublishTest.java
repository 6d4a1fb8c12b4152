package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Wire.json;
import static io.liveupdate.bayeux.Wire.objects;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PublishTest {

    private final Wire wire = new Wire();

    @Test
    void theAckEchoesIdClientIdAndChannelAndCarriesNoData() {
        String clientId = wire.handshake();
        var ack = wire.one("{'channel':'/foo/bar','data':{'hello':'world'},'clientId':'%s','id':'5'}".formatted(clientId));
        assertEquals(json("{'id':'5','clientId':'" + clientId + "','channel':'/foo/bar','successful':true}"), ack);
    }

    @Test
    void deliveriesCarryChannelDataAndIdButNeverSuccessfulClientIdOrExt() {
        var subscriber = wire.server.session(wire.subscribed("/foo/*")).orElseThrow();
        wire.one("{'channel':'/foo/bar','data':{'hello':'world'},'clientId':'%s','id':'5','ext':{'password':'secret'}}".formatted(subscriber.id()));
        assertEquals(List.of(json("{'channel':'/foo/bar','data':{'hello':'world'},'id':'5'}")), objects(subscriber.drain()));
    }

    @Test
    void thePublisherReceivesItsOwnMessageAsWithFaye() {
        var publisher = wire.server.session(wire.subscribed("/chat")).orElseThrow();
        wire.one("{'channel':'/chat','data':'hi','clientId':'%s'}".formatted(publisher.id()));
        assertEquals(1, publisher.drain().size());
    }

    @Test
    void echoToThePublisherCanBeSwitchedOff() {
        var quiet = new Wire(BayeuxSettings.defaults().withBroadcastToPublisher(false));
        var publisher = quiet.server.session(quiet.subscribed("/chat")).orElseThrow();
        var other = quiet.server.session(quiet.subscribed("/chat")).orElseThrow();
        quiet.one("{'channel':'/chat','data':'hi','clientId':'%s'}".formatted(publisher.id()));
        assertTrue(publisher.drain().isEmpty());
        assertEquals(1, other.drain().size());
    }

    @Test
    void anUnconnectedPublishIsAcceptedAsFayeDoes() {
        var subscriber = wire.server.session(wire.subscribed("/foo")).orElseThrow();
        assertTrue(wire.publish("/foo", "{}").getBoolean("successful"));
        assertTrue(wire.one("{'channel':'/foo','data':1,'clientId':'nobody'}").getBoolean("successful"));
        assertEquals(2, subscriber.drain().size());
    }

    @Test
    void errorsNameTheChannelOrParameter() {
        assertEquals(json("{'id':'7','channel':'/foo/*','error':'405:/foo/*:Invalid channel','successful':false}"),
                wire.one("{'channel':'/foo/*','data':{},'id':'7'}"));
        assertEquals("402:data:Missing required parameter", wire.one("{'channel':'/foo'}").getString("error"));
        assertEquals("402:channel:Missing required parameter", wire.one("{'data':{}}").getString("error"));
        assertTrue(wire.one("{'channel':'/foo','data':null}").getBoolean("successful"), "null data is data");
    }

    @Test
    void serviceMessagesAreAcknowledgedButNeverBroadcast() {
        var everything = wire.server.session(wire.subscribed("/**")).orElseThrow();
        assertTrue(wire.publish("/service/echo", "{}").getBoolean("successful"));
        assertTrue(everything.drain().isEmpty());
    }

    @Test
    void theServerSidePublishApiFansOutAndRefusesNonBroadcastChannels() {
        var a = wire.server.session(wire.subscribed("/update")).orElseThrow();
        assertEquals(1, wire.server.publish("/update", json("{'id':1}")));
        assertEquals(List.of(json("{'channel':'/update','data':{'id':1}}")), objects(a.drain()));
        for (String channel : List.of("/meta/connect", "/service/x", "/update/*", "bad")) {
            assertThrows(IllegalArgumentException.class, () -> wire.server.publish(channel, json("{}")), channel);
        }
    }
}
