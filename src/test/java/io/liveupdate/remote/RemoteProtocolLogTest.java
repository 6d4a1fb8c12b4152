package io.liveupdate.remote;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;

/** A RemoteEvents frame's {@code action} is the client's text: its log line cannot be split into forged ones. */
class RemoteProtocolLogTest {

    @Test
    void anUnknownActionWithLineBreaksIsLoggedOnOneCleanLine() {
        var lines = new ArrayList<String>();
        var handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(new SimpleFormatter().formatMessage(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(RemoteProtocol.class.getName());
        logger.addHandler(handler);
        var peer = new FakePeer();
        try {
            var connection = new RemoteConnection("c", RemoteTarget.calendar("team"), "page", OptionalLong.empty(), peer, 100, (c, reason) -> { });
            new RemoteProtocol().receive(connection, "{\"action\":\"x\\nDec 03, 2026 SEVERE: the database was dropped\\r\\n" + "y".repeat(5000) + "\"}");
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, lines.size(), lines.toString());
        String line = lines.get(0);
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertTrue(line.contains("action 'x?Dec 03, 2026 SEVERE"), line);
        assertTrue(line.length() < 400, "bounded: " + line.length());
        assertEquals(1, peer.written.size(), "the client is still answered with an error frame");
        assertTrue(peer.written.get(0).contains("\"error\""), peer.written.toString());
    }
}
