package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.LONG_POLLING;
import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.SecondNode;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;

/**
 * Base of the cluster tests: node 1 is Arquillian's WildFly ({@link Deployed}), node 2 the one second WildFly of the
 * test run on the same database ({@link SecondNode#shared}), booted by the first class that needs it.
 */
public abstract class TwoNodes extends Deployed {

    protected static SecondNode node2;

    @BeforeAll
    static void bootNodeTwo() throws Exception {
        node2 = SecondNode.shared();
    }

    protected Http node1() {
        return http();
    }

    protected static Http node2() {
        return new Http(node2.url());
    }

    protected String sync1() {
        return deploymentUrl + "sync";
    }

    protected static String sync2() {
        return node2.url() + "sync";
    }

    /** A WebSocket and a long-polling client on each node, all subscribed to {@code channel}. */
    protected void subscribeOnBothNodes(String channel, FayeClient ws1, FayeClient lp1, FayeClient ws2, FayeClient lp2) {
        ws1.connect(sync1(), WEBSOCKET);
        lp1.connect(sync1(), LONG_POLLING);
        ws2.connect(sync2(), WEBSOCKET);
        lp2.connect(sync2(), LONG_POLLING);
        for (var client : List.of(ws1, lp1, ws2, lp2)) client.subscribe(channel);
    }
}
