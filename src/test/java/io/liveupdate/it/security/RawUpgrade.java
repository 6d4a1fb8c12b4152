package io.liveupdate.it.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

/**
 * A WebSocket upgrade request written by hand, as a browser sends it (with the page's {@code Origin}), so a test
 * sees the server's very first answer: {@code 101} (the socket is open) or a refusal, whatever a client library
 * would make of it.
 */
public final class RawUpgrade {

    private RawUpgrade() {
    }

    /** The status line the server answers an upgrade of {@code path} (relative to the deployment) with. */
    public static String statusLine(URL deploymentUrl, String path, String origin) throws IOException {
        String host = deploymentUrl.getHost() + ":" + deploymentUrl.getPort();
        try (var socket = new Socket(deploymentUrl.getHost(), deploymentUrl.getPort())) {
            socket.setSoTimeout(10_000);
            String request = "GET " + deploymentUrl.getPath() + path + " HTTP/1.1\r\n"
                    + "Host: " + host + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n"
                    + (origin == null ? "" : "Origin: " + origin + "\r\n")
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return readLine(socket.getInputStream());
        }
    }

    /** The origin of the deployment itself, as a page it serves sends it. */
    public static String ownOrigin(URL deploymentUrl) {
        return deploymentUrl.getProtocol() + "://" + deploymentUrl.getHost() + ":" + deploymentUrl.getPort();
    }

    private static String readLine(InputStream in) throws IOException {
        var line = new StringBuilder();
        for (int c; (c = in.read()) >= 0 && c != '\n'; ) {
            if (c != '\r') line.append((char) c);
        }
        return line.toString();
    }
}
