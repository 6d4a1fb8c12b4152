package io.liveupdate.bayeux.transport;

import io.liveupdate.bayeux.BatchReply;
import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.Connection;
import io.liveupdate.bayeux.Payload;
import io.liveupdate.input.LogSafe;
import io.liveupdate.security.SecuritySettings;
import io.liveupdate.websocket.BoundedText;
import io.liveupdate.websocket.SocketFailure;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Bayeux over WebSocket at {@code /sync}, the path the Faye client derives from its HTTP endpoint. Each text
 * frame is one payload; replies go back through the socket's {@link SocketOutbox}, and a held
 * {@code /meta/connect} is answered when the core releases it. Undertow lets plain HTTP requests on this path
 * through to {@link LongPollingServlet}.
 */
@ServerEndpoint(value = "/sync", configurator = HandshakeAttributes.class)
public class WebSocketTransport {

    private static final Logger LOG = Logger.getLogger(WebSocketTransport.class.getName());
    private static final String CONNECTION = Connection.class.getName();
    private static final String OUTBOX = SocketOutbox.class.getName();

    @Inject
    BayeuxServer bayeux;
    @Inject
    SecuritySettings security;

    @OnOpen
    public void open(Session socket) throws IOException {
        socket.setMaxTextMessageBufferSize(HandshakeAttributes.MAX_FRAME_BYTES);
        // Cross-site WebSocket hijacking: WebSocketOriginFilter refuses the upgrade itself (no 101); this second
        // check closes a socket should a container ever run its upgrade before the application's filters.
        Map<?, ?> headers = (Map<?, ?>) HandshakeAttributes.of(socket).get(Connection.HEADERS);
        String origin = (String) headers.get("origin");
        if (!security.allowedOrigins().allows(origin, (String) headers.get("host"))) {
            LOG.info(() -> "Refused a WebSocket from origin " + LogSafe.quoted(origin));
            socket.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "origin not allowed"));
            return;
        }
        var outbox = new SocketOutbox(socket);
        socket.getUserProperties().put(OUTBOX, outbox);
        socket.getUserProperties().put(CONNECTION, Connection.push(outbox, HandshakeAttributes.of(socket)));
    }

    @OnMessage
    public void part(Session socket, String part, boolean last) {
        BoundedText.append(socket, part, last, HandshakeAttributes.MAX_FRAME_BYTES).ifPresent(text -> message(socket, text));
    }

    private void message(Session socket, String text) {
        var outbox = (SocketOutbox) socket.getUserProperties().get(OUTBOX);
        if (outbox == null) return; // refused at open
        List<jakarta.json.JsonObject> messages;
        try {
            messages = Payload.parse(text);
        } catch (IllegalArgumentException e) {
            LOG.info(() -> "Refused a WebSocket frame from " + socket.getId() + ": " + LogSafe.text(e.getMessage()));
            outbox.send(List.of(BadPayload.reply(e.getMessage())));
            return;
        }
        if (messages.size() > security.maxBatchMessages()) {
            outbox.send(List.of(BadPayload.reply(BadPayload.tooManyMessages(messages.size(), security.maxBatchMessages()))));
            return;
        }
        BatchReply reply = bayeux.handle(messages, (Connection) socket.getUserProperties().get(CONNECTION));
        outbox.send(reply.immediate());
        reply.held().thenAccept(outbox::send);
    }

    @OnError
    public void error(Session socket, Throwable failure) {
        SocketFailure.close(socket, failure);
    }

    @OnClose
    public void close(Session socket, CloseReason reason) {
        // The Bayeux session outlives the socket until it expires, so a reconnecting client loses nothing queued.
        LOG.fine(() -> "WebSocket " + socket.getId() + " closed: " + LogSafe.text(reason));
    }
}
