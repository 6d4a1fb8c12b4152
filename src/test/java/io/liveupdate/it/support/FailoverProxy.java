package io.liveupdate.it.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;

/**
 * A loopback TCP proxy in front of one node that a test points at another, as a load balancer fails over when a node
 * dies: connections already open stay with (and die with) their node; every new one goes to the node it points at
 * now. Clients keep the proxy's address, so they come back through it, as they would through a balancer.
 */
public final class FailoverProxy implements AutoCloseable {

    private volatile InetSocketAddress target;
    private final TcpRelay relay;

    public FailoverProxy(URI node) throws IOException {
        this.target = addressOf(node);
        this.relay = new TcpRelay("failover-proxy", () -> target, () -> TcpRelay.PASS);
    }

    public int port() {
        return relay.port();
    }

    /** New connections go to {@code node} from now on. */
    public void pointAt(URI node) {
        this.target = addressOf(node);
    }

    private static InetSocketAddress addressOf(URI node) {
        return new InetSocketAddress(node.getHost(), node.getPort());
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
