package io.liveupdate.remote;

import io.liveupdate.input.LogSafe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The RemoteEvents handshake, {@code GET /api/v1[?calendar=<name>|?gantt=<name>]} with {@code Remote-Token}: a
 * fresh key for the WebSocket at the same URL, which also tells the page and where its calendar or chart stood
 * ({@link RemoteCatchUp}). A refusal is JSON too, so the client reads it and quietly opens no socket.
 */
@ApplicationScoped
public class RemoteHandshakes {

    /** The request header carrying the token a handshake is made with. */
    public static final String TOKEN_HEADER = "Remote-Token";
    private static final Logger LOG = Logger.getLogger(RemoteHandshakes.class.getName());

    @Inject
    RemoteAccess access;
    @Inject
    RemoteCatchUp catchUp;

    /** The answer to a handshake with {@code token} (null when the header was missing) for a calendar or a chart. */
    public HandshakeAnswer answer(String token, String calendar, String gantt) {
        if (token == null || token.isBlank()) return refuse(401, "the " + TOKEN_HEADER + " header is required");
        if (!access.isToken(token)) return refuse(403, "unknown " + TOKEN_HEADER);
        RemoteTarget target;
        try {
            target = RemoteTarget.of(calendar, gantt);
        } catch (IllegalArgumentException e) {
            return refuse(400, e.getMessage());
        }
        if (!access.mayRead(token, target.resource()).allowed()) return refuse(403, "no read access to " + target);
        String key = access.issueKey(token, catchUp.positionNow(target));
        return new HandshakeAnswer(200, RemotePayload.handshake(key));
    }

    private static HandshakeAnswer refuse(int status, String message) {
        LOG.info(() -> "Refused a RemoteEvents handshake: " + status + " " + LogSafe.text(message));
        return new HandshakeAnswer(status, RemotePayload.refusal(status, message));
    }
}
