package io.liveupdate.it.support;

import java.io.IOException;

/**
 * A loopback TCP proxy in front of the server whose connections a test can cut, mid-stream, at any moment: what
 * was on its way in either direction is lost, as when a laptop's network drops. The client then reconnects
 * through the proxy as it would through the network.
 */
public final class CuttableProxy implements AutoCloseable {

    private final TcpRelay relay;

    public CuttableProxy(String targetHost, int targetPort) throws IOException {
        this.relay = new TcpRelay("cuttable-proxy", targetHost, targetPort, () -> TcpRelay.PASS);
    }

    public int port() {
        return relay.port();
    }

    /** Closes every connection now; new ones are accepted again at once. @return how many sockets were cut */
    public int cutAll() {
        return relay.closeAll();
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
