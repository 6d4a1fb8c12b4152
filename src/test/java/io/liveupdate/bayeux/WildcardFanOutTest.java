package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Wire.json;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class WildcardFanOutTest {

    private final Wire wire = new Wire();

    @Test
    void oneStarReachesOneSegmentAndTwoStarsAnyDepth() {
        var one = wire.server.session(wire.subscribed("/foo/*")).orElseThrow();
        var deep = wire.server.session(wire.subscribed("/foo/**")).orElseThrow();

        wire.server.publish("/foo/bar", json("{}"));
        wire.server.publish("/foo/bar/baz", json("{}"));
        wire.server.publish("/foo", json("{}"));

        assertEquals(1, one.drain().size());
        assertEquals(2, deep.drain().size());
    }

    @Test
    void aSubscriberMatchedBySeveralPatternsGetsTheMessageOnce() {
        String clientId = wire.subscribed("/foo/bar", "/foo/*", "/foo/**", "/**");
        assertEquals(1, wire.server.publish("/foo/bar", json("{'n':1}")));
        assertEquals(1, wire.server.session(clientId).orElseThrow().drain().size());
    }

    @Test
    void everySubscriberGetsTheSameSerialisedInstance() {
        var a = wire.server.session(wire.subscribed("/foo/*")).orElseThrow();
        var b = wire.server.session(wire.subscribed("/**")).orElseThrow();
        assertEquals(2, wire.server.publish("/foo/bar", json("{'n':1}")));
        assertSame(a.drain().get(0), b.drain().get(0));
    }

    @Test
    void unrelatedChannelsAreNotReached() {
        String clientId = wire.subscribed("/foo/*");
        assertEquals(0, wire.server.publish("/food/bar", json("{}")));
        assertEquals(0, wire.server.publish("/bar/foo", json("{}")));
        assertTrue(wire.server.session(clientId).orElseThrow().drain().isEmpty());
    }
}
