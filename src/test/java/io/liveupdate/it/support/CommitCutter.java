package io.liveupdate.it.support;

import java.io.IOException;
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

    private final AtomicReference<Cut> armed = new AtomicReference<>();
    private final AtomicBoolean done = new AtomicBoolean();
    private final TcpRelay relay;

    public CommitCutter(String targetHost, int targetPort) throws IOException {
        this.relay = new TcpRelay("commit-cutter", targetHost, targetPort, Connection::new);
    }

    public int port() {
        return relay.port();
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

    /** One datasource connection: whether a COMMIT it carried is to be cut on its way back. */
    private final class Connection implements TcpRelay.Inspector {
        private volatile boolean cutAnswer;

        @Override
        public boolean toTarget(byte[] buffer, int length) {
            if (!contains(buffer, length, COMMIT)) return true;
            Cut cut = armed.get();
            if (cut == Cut.BEFORE_COMMIT && armed.compareAndSet(cut, null)) return cut();
            if (cut == Cut.AFTER_COMMIT && armed.compareAndSet(cut, null)) cutAnswer = true;
            return true;
        }

        @Override
        public boolean toClient(byte[] buffer, int length) {
            return !cutAnswer || cut();
        }

        /** @return false, which makes the relay end the connection */
        private boolean cut() {
            done.set(true);
            return false;
        }
    }

    private static boolean contains(byte[] buffer, int length, byte[] word) {
        outer:
        for (int i = 0; i + word.length <= length; i++) {
            for (int j = 0; j < word.length; j++) {
                if (buffer[i + j] != word[j]) continue outer;
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() throws IOException {
        relay.close();
    }
}
