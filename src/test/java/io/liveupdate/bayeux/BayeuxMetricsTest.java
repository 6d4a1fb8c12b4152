package io.liveupdate.bayeux;

import static io.liveupdate.bayeux.Wire.json;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The core tells its metrics hook about sessions, incoming messages, deliveries and sessions cut loose. */
class BayeuxMetricsTest {

    private final Wire wire = new Wire(BayeuxSettings.defaults().withMaxQueue(2));
    private final Recorded recorded = new Recorded();

    BayeuxMetricsTest() {
        wire.server.setMetrics(recorded);
    }

    @Test
    void sessionsAreReportedWhenOpenedAndClosed() {
        String clientId = wire.handshake();
        wire.one("{'channel':'/meta/disconnect','clientId':'%s'}".formatted(clientId));

        assertEquals(List.of("opened " + clientId, "closed " + clientId + " gracefully=true"), recorded.events);
    }

    @Test
    void everyIncomingMessageAndEveryDeliveryIsCounted() {
        wire.subscribed("/foo");
        wire.subscribed("/foo");
        wire.publish("/foo", "{}");

        assertEquals(5, recorded.received, "two handshakes, two subscribes, one publish");
        assertEquals(2, recorded.delivered, "one publish, two subscribers");
    }

    @Test
    void aSessionCutLooseReportsWhatItLost() {
        String clientId = wire.subscribed("/foo");
        for (int i = 0; i < 3; i++) wire.server.publish("/foo", json("{}"));

        assertEquals(List.of("opened " + clientId, "cut loose " + clientId + " dropping 3", "closed " + clientId + " gracefully=false"),
                recorded.events);
        assertEquals(2, recorded.delivered, "the third message was not delivered");
    }

    @Test
    void monitoringSeesWhereEachSessionsEventsGoAndWhatWaits() {
        String polling = wire.subscribed("/foo");
        String pushed = wire.subscribed("/foo");
        var socket = new RecordingOutbox();
        socket.stalled = true;
        wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'websocket'}".formatted(pushed), Connection.push(socket, Map.of()));
        wire.server.publish("/foo", json("{}"));

        assertFalse(wire.server.session(polling).orElseThrow().isPushed());
        assertTrue(wire.server.session(pushed).orElseThrow().isPushed());
        assertEquals(1, wire.server.session(polling).orElseThrow().queued());
        assertEquals(2, wire.server.sessions().size());
    }

    @Test
    void monitoringReadsTheSameThroughTheFiguresHook() {
        wire.subscribed("/foo");
        String pushed = wire.subscribed("/foo");
        wire.subscribed("/bar");
        var socket = new RecordingOutbox();
        socket.stalled = true;
        wire.send("{'channel':'/meta/connect','clientId':'%s','connectionType':'websocket'}".formatted(pushed), Connection.push(socket, Map.of()));
        wire.server.publish("/foo", json("{}"));
        wire.server.publish("/foo", json("{}"));

        BayeuxFigures figures = wire.server.figures();
        assertEquals(3, figures.sessions());
        assertEquals(1, figures.pushedSessions());
        assertEquals(2, figures.pollingSessions());
        assertEquals(3, figures.subscriptions());
        assertEquals(wire.server.sessions().stream().mapToLong(ServerSession::queued).sum(), figures.queuedMessages());
        assertEquals(2, figures.largestQueue(), "the polling subscriber of /foo holds both");
        assertEquals(2, figures.queueBound());
    }

    private static final class Recorded implements BayeuxMetrics {
        final List<String> events = new ArrayList<>();
        int received;
        int delivered;

        @Override
        public void sessionOpened(String clientId) {
            events.add("opened " + clientId);
        }

        @Override
        public void sessionClosed(String clientId, boolean gracefully) {
            events.add("closed " + clientId + " gracefully=" + gracefully);
        }

        @Override
        public void sessionCutLoose(String clientId, int droppedMessages) {
            events.add("cut loose " + clientId + " dropping " + droppedMessages);
        }

        @Override
        public void received(int messages) {
            received += messages;
        }

        @Override
        public void delivered(int messages) {
            delivered += messages;
        }
    }
}
