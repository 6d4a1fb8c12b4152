package io.liveupdate.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A loopback TCP relay in front of one target, the base of the fault tests' proxies: each accepted connection gets a
 * connection of its own to the target, and bytes are pumped both ways, each chunk shown first to the connection's
 * {@link Inspector}, which passes it on or ends the connection there (both sockets closed, what it held lost).
 */
final class TcpRelay implements AutoCloseable {

    /** Sees one connection's chunks as they come, in each direction. */
    interface Inspector {
        /** @return true to pass the chunk on to the target, false to end the connection instead */
        boolean toTarget(byte[] buffer, int length);

        /** @return true to pass the chunk on to the client, false to end the connection instead */
        boolean toClient(byte[] buffer, int length);
    }

    /** An inspector that passes everything. */
    static final Inspector PASS = new Inspector() {
        @Override
        public boolean toTarget(byte[] buffer, int length) {
            return true;
        }

        @Override
        public boolean toClient(byte[] buffer, int length) {
            return true;
        }
    };

    private interface Direction {
        boolean pass(byte[] buffer, int length);
    }

    private final String name;
    private final ServerSocket listener;
    private final Supplier<InetSocketAddress> target;
    private final Supplier<Inspector> inspectors;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    TcpRelay(String name, String targetHost, int targetPort, Supplier<Inspector> inspectors) throws IOException {
        this(name, fixed(new InetSocketAddress(targetHost, targetPort)), inspectors);
    }

    /** A relay whose target is asked for each new connection: connections already open stay with theirs. */
    TcpRelay(String name, Supplier<InetSocketAddress> target, Supplier<Inspector> inspectors) throws IOException {
        this.name = name;
        this.target = target;
        this.inspectors = inspectors;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        start(this::accept, name + "-" + port());
    }

    private static Supplier<InetSocketAddress> fixed(InetSocketAddress address) {
        return () -> address;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Closes every open connection now; new ones are accepted again at once. @return how many sockets were closed */
    int closeAll() {
        int closedNow = 0;
        for (Socket socket : open) {
            closeQuietly(socket);
            open.remove(socket);
            closedNow++;
        }
        return closedNow;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                try {
                    server.connect(target.get(), 5000);
                } catch (IOException e) {
                    closeQuietly(client); // the target refuses: so does the relay, instead of leaving the client hanging
                    throw e;
                }
                open.add(client);
                open.add(server);
                Inspector inspector = inspectors.get();
                start(() -> pump(client, server, inspector::toTarget), name + "-pump");
                start(() -> pump(server, client, inspector::toClient), name + "-pump");
            } catch (IOException e) {
                if (closed) return;
            }
        }
    }

    private void pump(Socket from, Socket to, Direction direction) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (!direction.pass(buffer, n)) return;
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // closed here, or the other side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void start(Runnable task, String threadName) {
        var thread = new Thread(task, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        closeAll();
    }
}
