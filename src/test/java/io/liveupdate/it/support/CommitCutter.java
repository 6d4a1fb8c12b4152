package io.liveupdate.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A loopback TCP proxy between the server's datasource and PostgreSQL that breaks one connection at the worst
 * moment of a transaction, its COMMIT: either before COMMIT reaches the database (which then rolls back) or after
 * the database committed, with the answer on its way back (the server cannot tell it committed). It reads the
 * PostgreSQL wire protocol only as far as spotting the text {@code COMMIT} that the JDBC driver sends; the tests
 * that arm it write no event text containing that word.
 */
public final class CommitCutter implements AutoCloseable {

    public enum Cut {
        /** The COMMIT message is dropped and the connection closed: the database rolls back. */
        BEFORE_COMMIT,
        /** The COMMIT goes through; the database's answer is dropped and the connection closed. */
        AFTER_COMMIT
    }

    private static final byte[] COMMIT = "COMMIT".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final AtomicReference<Cut> armed = new AtomicReference<>();
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile boolean closed;

    public CommitCutter(String targetHost, int targetPort) throws IOException {
        this.target = new InetSocketAddress(targetHost, targetPort);
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        var acceptor = new Thread(this::accept, "commit-cutter-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** The next COMMIT on any connection is cut as said; every other byte is relayed untouched. */
    public void arm(Cut cut) {
        done.set(false);
        armed.set(cut);
    }

    /** Whether the armed cut has happened. */
    public boolean hasCut() {
        return done.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket();
                server.connect(target, 5000);
                var connection = new Connection(client, server);
                start(connection::toDatabase);
                start(connection::toServer);
            } catch (IOException e) {
                if (closed) return;
            }
        }
    }

    /** One datasource connection: two pumps, and whether a COMMIT it carries is to be cut on its way back. */
    private final class Connection {
        private final Socket client;
        private final Socket database;
        private volatile boolean cutAnswer;

        Connection(Socket client, Socket database) {
            this.client = client;
            this.database = database;
        }

        void toDatabase() {
            pump(client, database, (buffer, n) -> {
                if (!contains(buffer, n, COMMIT)) return true;
                Cut cut = armed.get();
                if (cut == Cut.BEFORE_COMMIT && armed.compareAndSet(cut, null)) {
                    cut();
                    return false;
                }
                if (cut == Cut.AFTER_COMMIT && armed.compareAndSet(cut, null)) cutAnswer = true;
                return true;
            });
        }

        void toServer() {
            pump(database, client, (buffer, n) -> {
                if (!cutAnswer) return true;
                cut();
                return false;
            });
        }

        private void cut() {
            closeQuietly(client);
            closeQuietly(database);
            done.set(true);
        }
    }

    private interface Relay {
        /** @return whether to pass the bytes on */
        boolean pass(byte[] buffer, int n);
    }

    private void pump(Socket from, Socket to, Relay relay) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (!relay.pass(buffer, n)) return;
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut, or the other side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static boolean contains(byte[] buffer, int n, byte[] word) {
        outer:
        for (int i = 0; i + word.length <= n; i++) {
            for (int j = 0; j < word.length; j++) {
                if (buffer[i + j] != word[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    private static void start(Runnable pump) {
        var thread = new Thread(pump, "commit-cutter-pump");
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
    }
}
