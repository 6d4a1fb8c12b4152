package io.liveupdate.remote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.liveupdate.input.LogSafe;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What a RemoteEvents connection may do: open with a valid key or token on a calendar or chart it may read,
 * subscribe to and unsubscribe from its entities ({@link RemoteConnection#subscribeTo}); a call is answered with
 * errors (no RPC is offered) and a frame that cannot be used with an {@code error} frame and one log line. Bad
 * input never closes the connection.
 */
@ApplicationScoped
public class RemoteProtocol {

    private static final Logger LOG = Logger.getLogger(RemoteProtocol.class.getName());

    @Inject
    RemoteAccess access;
    @Inject
    RemoteRegistry registry;

    /** The new connection, or empty once the peer has been closed with a policy violation. */
    public Optional<RemoteConnection> open(RemotePeer peer, SocketRequest request) {
        if (request == null || !access.admitsSocket(request.token())) {
            return refuse(peer, request == null || request.token() == null ? "missing token" : "invalid or expired token");
        }
        RemoteTarget target;
        try {
            target = request.target();
        } catch (IllegalArgumentException e) {
            return refuse(peer, e.getMessage());
        }
        if (!access.mayRead(request.token(), target.resource()).allowed()) return refuse(peer, "no read access to " + target);
        String token = request.token();
        return Optional.of(registry.open(peer, target, access.isKey(token) ? token : null, access.positionIn(token)));
    }

    /** A text frame the client sent. */
    public void receive(RemoteConnection connection, String text) {
        connection.alive();
        var message = ClientMessage.parse(text);
        switch (message.type()) {
            case SUBSCRIBE -> {
                if (connection.subscribeTo(message.name())) registry.subscribe(connection);
            }
            case UNSUBSCRIBE -> {
                if (connection.unsubscribeFrom(message.name())) registry.unsubscribe(connection);
            }
            case CALL -> connection.send(RemotePayload.callRefused(message.callIds()));
            case UNKNOWN, MALFORMED -> {
                String problem = message.problem() + (message.action() == null ? "" : " (" + message.action() + ")");
                // The action is the client's text: cleaned and bounded, it cannot start a line of its own.
                LOG.info(() -> "Ignored a frame from " + connection + ": " + message.problem()
                        + (message.action() == null ? "" : ", action " + LogSafe.quoted(message.action())));
                connection.send(RemotePayload.error(problem));
            }
        }
    }

    /** The socket closed (either side). */
    public void closed(RemoteConnection connection) {
        registry.closed(connection);
    }

    private static Optional<RemoteConnection> refuse(RemotePeer peer, String reason) {
        LOG.info(() -> "Refused a RemoteEvents socket: " + reason);
        peer.close(RemotePeer.POLICY_VIOLATION, reason);
        return Optional.empty();
    }
}
