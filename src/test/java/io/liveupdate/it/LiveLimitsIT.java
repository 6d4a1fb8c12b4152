package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.support.TextFrames;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The per-address session limit on the real server, over the transport it could not see before: WebSocket. Sessions
 * that end are forgotten at once, so the address gets them back without waiting for a later handshake.
 */
class LiveLimitsIT extends Deployed {

    /** The default of {@code liveupdate.security.max-sessions-per-address}. */
    private static final int PER_ADDRESS = 1000;
    private static final String HANDSHAKE = "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"websocket\"]}]";

    @Test
    void webSocketSessionsCountAgainstTheirAddressAndAreForgottenWhenTheyEnd() throws Exception {
        var socket = new Frames();
        HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(deploymentUrl.toString().replaceFirst("^http", "ws") + "sync"), socket).get(10, TimeUnit.SECONDS);
        List<String> mine = new ArrayList<>();
        JsonObject refusal = null;
        try {
            // Other tests' sessions from this address may still be alive: the refusal comes at the limit or before.
            for (int i = 0; i <= PER_ADDRESS && refusal == null; i++) {
                JsonObject reply = socket.send(HANDSHAKE);
                if (reply.getBoolean("successful", false)) mine.add(reply.getString("clientId")); else refusal = reply;
            }
            assertNotNull(refusal, "a WebSocket client got more than " + PER_ADDRESS + " sessions from one address");
            assertEquals("429::Too many sessions from this address, at most " + PER_ADDRESS, refusal.getString("error"));
            assertFalse(mine.isEmpty());

            String ended = mine.remove(mine.size() - 1);
            assertTrue(socket.send("[{\"channel\":\"/meta/disconnect\",\"clientId\":\"" + ended + "\"}]").getBoolean("successful"));
            JsonObject again = socket.send(HANDSHAKE);
            assertTrue(again.getBoolean("successful", false), "the ended session was forgotten at once: " + again);
            mine.add(again.getString("clientId"));
        } finally {
            for (String clientId : mine) socket.send("[{\"channel\":\"/meta/disconnect\",\"clientId\":\"" + clientId + "\"}]");
            socket.ws.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }

    /** One socket, used request/response: each frame sent is answered by one frame holding one reply. */
    private static final class Frames extends TextFrames {
        private WebSocket ws;

        @Override
        public void onOpen(WebSocket webSocket) {
            ws = webSocket;
            webSocket.request(1);
        }

        JsonObject send(String frame) throws Exception {
            ws.sendText(frame, true).get(10, TimeUnit.SECONDS);
            String reply = messages.poll(10, TimeUnit.SECONDS);
            assertNotNull(reply, "no answer to " + frame);
            try (var reader = Json.createReader(new StringReader(reply))) {
                return reader.readArray().getJsonObject(0);
            }
        }
    }
}
