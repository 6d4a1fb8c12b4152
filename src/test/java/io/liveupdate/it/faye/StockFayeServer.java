package io.liveupdate.it.faye;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A stock Faye server ({@code src/test/node/faye-server.js}: {@code NodeAdapter} mounted at
 * {@code /faye}, timeout 5 s) on a port the OS picks, as a reference to compare our server with.
 */
public final class StockFayeServer implements AutoCloseable {

    private final NodeScripts.Started node;
    private final int port;
    private final long startupMillis;

    private StockFayeServer(NodeScripts.Started node, int port, long startupMillis) {
        this.node = node;
        this.port = port;
        this.startupMillis = startupMillis;
    }

    /** Starts the server on a free loopback port and waits for its "listening &lt;port&gt;" line. */
    public static StockFayeServer start(Duration within) {
        // Port 0: the OS picks a free port and the script reports it; no race with other processes.
        return start(within, 0);
    }

    /** Starts the server on the given loopback port (e.g. to restart one on the port it had). */
    public static StockFayeServer start(Duration within, int port) {
        long started = System.nanoTime();
        NodeScripts.Started node = NodeScripts.start("faye-server.js", "faye-server", String.valueOf(port), "127.0.0.1");
        CompletableFuture<Integer> listening = CompletableFuture.supplyAsync(() -> {
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(node.process().getInputStream(), StandardCharsets.UTF_8));
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("listening ")) {
                        return Integer.parseInt(line.substring("listening ".length()).trim());
                    }
                }
                return -1;
            } catch (IOException e) {
                return -1;
            }
        });
        try {
            int actual = listening.get(within.toMillis(), TimeUnit.MILLISECONDS);
            if (actual <= 0) {
                NodeScripts.kill(node.process());
                throw new AssertionError("the Faye server did not start:\n" + node.stderrTail());
            }
            return new StockFayeServer(node, actual, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            NodeScripts.kill(node.process());
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            NodeScripts.kill(node.process());
            throw new AssertionError("the Faye server did not report its port within " + within.toMillis() + " ms:\n" + node.stderrTail(), e);
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>/faye} */
    public String url() {
        return "http://127.0.0.1:" + port + "/faye";
    }

    public long startupMillis() {
        return startupMillis;
    }

    @Override
    public void close() {
        NodeScripts.kill(node.process());
    }
}
