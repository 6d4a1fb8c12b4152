package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Wire.json;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hook a cluster adapter uses: told of what clients published and subscribers got here, and of nothing else. */
@Timeout(10)
class PublishListenerTest {

    private final Wire wire = new Wire();
    private final List<String> heard = new CopyOnWriteArrayList<>();

    PublishListenerTest() {
        wire.server.addPublishListener((channel, delivery) -> heard.add(channel + " " + delivery.json()));
    }

    @Test
    void aDeliveredClientPublishIsReportedOnceAsSubscribersGotIt() {
        var subscriber = wire.server.session(wire.subscribed("/chat")).orElseThrow();
        wire.one("{'channel':'/chat','data':{'text':'hi'},'clientId':'%s','id':'5','ext':{'token':'secret'}}".formatted(subscriber.id()));
        assertEquals(List.of("/chat " + json("{'channel':'/chat','data':{'text':'hi'},'id':'5'}")), heard);
    }

    @Test
    void serverSidePublishesRefusedPublishesAndServiceMessagesAreNot() {
        wire.server.publish("/chat", json("{'text':'from the server'}"));
        wire.one("{'channel':'/foo/*','data':{}}");
        wire.publish("/service/echo", "{}");
        wire.server.setSecurityPolicy(new SecurityPolicy() {
            @Override
            public boolean canSubscribe(ServerSession session, ChannelId channel) {
                return true;
            }

            @Override
            public boolean canPublish(java.util.Optional<ServerSession> session, ChannelId channel) {
                return false;
            }
        });
        assertFalse(wire.publish("/chat", "{}").getBoolean("successful"));
        assertEquals(List.of(), heard);
    }

    @Test
    void aServerPublishMeantForEveryServerIsReportedAfterItsLocalDelivery() {
        wire.subscribed("/update");
        assertEquals(1, wire.server.publishToEveryServer("/update", json("{'tid':'7'}")), "this server's subscriber took it");
        assertEquals(List.of("/update " + json("{'channel':'/update','data':{'tid':'7'}}")), heard);
    }

    @Test
    void aPublishAnExtensionDeliveredItselfIsNot() {
        wire.server.addExtension((message, connection) -> "/stored".equals(message.getString("channel", null))
                ? io.liveupdate.json.Json.createObjectBuilder(message).add(Bayeux.DELIVERED, true).build()
                : message);
        assertTrue(wire.publish("/stored", "{'operation':'insert'}").getBoolean("successful"));
        assertEquals(List.of(), heard);
    }

    @Test
    void aFailingListenerChangesNeitherTheReplyNorTheOtherListeners() {
        var server = new Wire();
        var later = new CopyOnWriteArrayList<String>();
        server.server.addPublishListener((channel, delivery) -> { throw new IllegalStateException("broken"); });
        server.server.addPublishListener((channel, delivery) -> later.add(channel.toString()));
        assertTrue(server.publish("/chat", "{}").getBoolean("successful"));
        assertEquals(List.of("/chat"), later);
    }
}
