package io.liveupdate.remote;

/**
 * The answer to a RemoteEvents handshake ({@code GET /api/v1}), as an HTTP status and its JSON body: a key for the
 * WebSocket (200) or a refusal the client reads and then opens no socket. The transport only writes it out.
 */
public record HandshakeAnswer(int status, String json) {

    /** 401: the transport names the {@link RemoteHandshakes#TOKEN_HEADER} it asks for. */
    public boolean asksForToken() {
        return status == 401;
    }
}
