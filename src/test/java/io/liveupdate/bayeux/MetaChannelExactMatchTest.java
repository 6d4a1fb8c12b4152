package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Wire.json;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** CVE-2020-11020: meta channels are matched exactly, so {@code /meta/handshake/x} is no handshake. */
@Timeout(10)
class MetaChannelExactMatchTest {

    private final Wire wire = new Wire();

    @Test
    void aSubChannelOfAMetaChannelIsForbiddenNotHandled() {
        var reply = wire.one("{'channel':'/meta/handshake/x','version':'1.0','supportedConnectionTypes':['long-polling'],'id':'1'}");
        assertEquals(json("{'id':'1','channel':'/meta/handshake/x','error':'403:/meta/handshake/x:Forbidden channel','successful':false}"), reply);
        assertEquals(0, wire.server.sessionCount());
    }

    @Test
    void noMetaLookalikeReachesAHandler() {
        String clientId = wire.handshake();
        for (String channel : List.of("/meta/subscribe/x", "/meta/connect/", "/meta/disconnect/a/b", "/meta/foo", "/meta")) {
            var reply = wire.send("{'channel':'%s','clientId':'%s','subscription':'/foo','connectionType':'long-polling','data':{}}"
                    .formatted(channel, clientId));
            assertTrue(reply.held().isDone(), channel);
            assertFalse(reply.immediate().get(0).object().getBoolean("successful"), channel);
        }
        assertEquals(0, wire.server.subscriberCount("/foo"));
        assertTrue(wire.server.session(clientId).isPresent(), "no lookalike disconnected the client");
    }

    @Test
    void theExactNamesStillWork() {
        String clientId = wire.handshake();
        assertTrue(wire.one("{'channel':'/meta/subscribe','clientId':'%s','subscription':'/foo'}".formatted(clientId)).getBoolean("successful"));
        assertTrue(wire.one("{'channel':'/meta/unsubscribe','clientId':'%s','subscription':'/foo'}".formatted(clientId)).getBoolean("successful"));
        assertTrue(wire.one("{'channel':'/meta/disconnect','clientId':'%s'}".formatted(clientId)).getBoolean("successful"));
    }
}
