package io.liveupdate.bayeux.transport;

import io.liveupdate.bayeux.BatchReply;
import io.liveupdate.bayeux.BayeuxServer;
import io.liveupdate.bayeux.Connection;
import io.liveupdate.bayeux.Payload;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;
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

    @Resource
    ManagedExecutorService executor;

    @OnOpen
    public void open(Session socket) {
        socket.setMaxTextMessageBufferSize(HandshakeAttributes.MAX_FRAME_BYTES);
        var outbox = new SocketOutbox(socket, executor);
        socket.getUserProperties().put(OUTBOX, outbox);
        socket.getUserProperties().put(CONNECTION, Connection.push(outbox, HandshakeAttributes.of(socket)));
    }

    @OnMessage
    public void message(Session socket, String text) {
        var outbox = (SocketOutbox) socket.getUserProperties().get(OUTBOX);
        List<jakarta.json.JsonObject> messages;
        try {
            messages = Payload.parse(text);
        } catch (IllegalArgumentException e) {
            LOG.info(() -> "Refused a WebSocket frame from " + socket.getId() + ": " + e.getMessage());
            outbox.send(List.of(BadPayload.reply(e.getMessage())));
            return;
        }
        BatchReply reply = bayeux.handle(messages, (Connection) socket.getUserProperties().get(CONNECTION));
        outbox.send(reply.immediate());
        reply.held().thenAccept(outbox::send);
    }

    @OnError
    public void error(Session socket, Throwable failure) {
        LOG.fine(() -> "WebSocket " + socket.getId() + " failed: " + failure);
    }

    @OnClose
    public void close(Session socket, CloseReason reason) {
        // The Bayeux session outlives the socket until it expires, so a reconnecting client loses nothing queued.
        LOG.fine(() -> "WebSocket " + socket.getId() + " closed: " + reason);
    }
}
