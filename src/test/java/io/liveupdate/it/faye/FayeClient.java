package io.liveupdate.it.faye;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

/**
 * The real Faye client (npm {@code faye} 1.4.3 in Node, {@code src/test/node/faye-client.js}) under
 * the control of a test: one Node process per client.
 *
 * <pre>{@code
 * try (FayeClient a = FayeClient.start("a"); FayeClient b = FayeClient.start("b")) {
 *     a.connect("http://127.0.0.1:8080/sync", Transport.WEBSOCKET);
 *     b.connect("http://127.0.0.1:8080/sync", Transport.LONG_POLLING);
 *     a.subscribe("/update");
 *     assertEquals(Optional.empty(), b.publish("/broadcast", Json.createObjectBuilder().add("n", 1).build()));
 *     a.awaitMessage("/update", d -> d.getInt("n") == 1, Duration.ofSeconds(2));
 * }
 * }</pre>
 *
 * Every wait has a timeout and fails with an {@link AssertionError} that lists the recent events
 * and the Node process's stderr; nothing sleeps. The Node process's stderr goes to
 * {@code target/faye-harness/faye-client-<name>-<n>.log}.
 */
public final class FayeClient implements AutoCloseable {

    /** The connection types; the Node script disables the others with {@code client.disable(...)}. */
    public enum Transport {
        /** Handshake over HTTP POST, then WebSocket at the same URL (http→ws). Faye's default. */
        WEBSOCKET("websocket"),
        /** HTTP POST long-polling only ({@code disable('websocket')}). */
        LONG_POLLING("long-polling"),
        /** JSONP GET only, as a cross-origin browser without CORS; Faye's browser transport code. */
        CALLBACK_POLLING("callback-polling"),
        /** Handshake over JSONP, then CORS POSTs with an emulated browser CORS check; Faye's browser transport code. */
        CROSS_ORIGIN_LONG_POLLING("cross-origin-long-polling");

        public final String connectionType;

        Transport(String connectionType) {
            this.connectionType = connectionType;
        }
    }

    /** Optional settings for {@link #connect(String, Transport, Options)}. */
    public static final class Options {
        private JsonObject ext;
        private boolean traceMeta;
        private boolean traceOutgoing;
        private Integer timeoutSeconds;
        private Double retrySeconds;
        private String origin;
        private final JsonObjectBuilder headers = Json.createObjectBuilder();
        private boolean waitForTransport = true;
        private boolean catchUp;

        /**
         * Attach the page's catch-up extension ({@code src-webapp/js/live-catchup.js}); report every numbered change
         * passed on as a {@code delivered} event and every reload signal as a {@code reload} event.
         */
        public Options catchUp() {
            this.catchUp = true;
            return this;
        }

        /** Merged into {@code ext} of every outgoing message (an outgoing extension). */
        public Options ext(JsonObject value) {
            this.ext = value;
            return this;
        }

        /** Report every incoming {@code /meta/*} message as a {@code meta} event. */
        public Options traceMeta() {
            this.traceMeta = true;
            return this;
        }

        /** Report every outgoing message as an {@code out} event. */
        public Options traceOutgoing() {
            this.traceOutgoing = true;
            return this;
        }

        /** The client's {@code timeout} option (seconds), used until the server advises one. */
        public Options timeout(int seconds) {
            this.timeoutSeconds = seconds;
            return this;
        }

        /** The client's {@code retry} option (seconds; Faye's default is 5). */
        public Options retry(double seconds) {
            this.retrySeconds = seconds;
            return this;
        }

        /** {@code client.setHeader(name, value)}: HTTP requests and the WebSocket upgrade. */
        public Options header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /** The page origin the emulated browser claims for cross-origin-long-polling. */
        public Options origin(String value) {
            this.origin = value;
            return this;
        }

        /**
         * Do not wait for the first {@code /meta/connect} to use the requested transport (by default
         * {@code connect} waits, and fails if Faye never sends it over that one).
         */
        public Options dontWaitForTransport() {
            this.waitForTransport = false;
            return this;
        }
    }

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Set<String> PUBLISH_OUTCOMES = Set.of("published", "publish-failed", "error");
    private static final Set<String> SUBSCRIBE_OUTCOMES = Set.of("subscribed", "subscribe-failed", "error");
    private static final Set<String> UNSUBSCRIBE_OUTCOMES = Set.of("unsubscribed", "unsubscribe-failed", "error");
    private static final Set<String> CONNECT_OUTCOMES = Set.of("connected", "error");

    private final String name;
    private final NodeScripts.Started node;
    private final Writer stdin;
    private final Thread reader;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<FayeEvent> events = new ArrayList<>();
    private final AtomicLong refs = new AtomicLong();
    private final long startedNanos = System.nanoTime();
    private boolean ended;
    private volatile Duration timeout = DEFAULT_TIMEOUT;
    /** How long the server holds a {@code /meta/connect} (liveupdate.bayeux.timeout-ms, 30 s by default). */
    private static final Duration SERVER_CONNECT_HOLD = Duration.ofSeconds(30);
    private volatile long readyNanos;
    private volatile long connectedNanos;

    private FayeClient(String name) {
        this.name = name;
        this.node = NodeScripts.start("faye-client.js", "faye-client-" + name);
        this.stdin = new OutputStreamWriter(node.process().getOutputStream(), StandardCharsets.UTF_8);
        this.reader = new Thread(this::readEvents, "faye-client-" + name);
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** Starts a Node process running the Faye client and waits until it is ready. */
    public static FayeClient start(String name) {
        FayeClient client = new FayeClient(name);
        try {
            client.awaitEvent(e -> e.is("ready"), Duration.ofSeconds(30), "the Node process to start");
            client.readyNanos = System.nanoTime();
            return client;
        } catch (RuntimeException | Error e) {
            client.close();
            throw e;
        }
    }

    public static FayeClient start() {
        return start("client");
    }

    /** The timeout of the acknowledgement waits (connect, subscribe, publish ...); 10 s by default. */
    public FayeClient withTimeout(Duration value) {
        this.timeout = value;
        return this;
    }

    // ------------------------------------------------------------------------------------------
    // Commands

    /** Creates the Faye client, handshakes, and waits until the requested transport carries /meta/connect. */
    public String connect(String url, Transport transport) {
        return connect(url, transport, new Options());
    }

    /** @return the clientId the server assigned */
    public String connect(String url, Transport transport, Options options) {
        String ref = nextRef();
        JsonObjectBuilder cmd = Json.createObjectBuilder()
                .add("cmd", "connect").add("ref", ref).add("url", url).add("transport", transport.connectionType)
                .add("traceMeta", options.traceMeta).add("traceOutgoing", options.traceOutgoing)
                .add("headers", options.headers);
        if (options.ext != null) {
            cmd.add("ext", options.ext);
        }
        if (options.timeoutSeconds != null) {
            cmd.add("timeout", options.timeoutSeconds);
        }
        if (options.retrySeconds != null) {
            cmd.add("retry", options.retrySeconds);
        }
        if (options.origin != null) {
            cmd.add("origin", options.origin);
        }
        if (options.catchUp) {
            cmd.add("catchup", true);
        }
        int from = events().size();
        send(cmd.build());
        FayeEvent outcome = awaitOutcome(ref, CONNECT_OUTCOMES, "connect to " + url);
        if (!outcome.is("connected")) {
            throw failure("connect to " + url + " failed: " + outcome.json().getString("message", outcome.toString()));
        }
        connectedNanos = System.nanoTime();
        if (options.waitForTransport) {
            // Faye sends its first /meta/connect over the transport the handshake used when the WebSocket is not
            // open yet (a loaded machine), and switches once it is; a fallback that lasts is what fails. It switches
            // only with its next /meta/connect, and the server holds the one already sent over long-polling for its
            // whole connect timeout: so the switch may come that long after the socket opened (FuzzIT once failed
            // so, waiting 10 s for a switch 30 s away).
            awaitEvent(from, e -> e.is("transport") && transport.connectionType.equals(e.json().getString("connectionType", null)),
                    timeout.plus(SERVER_CONNECT_HOLD), "/meta/connect over " + transport.connectionType);
        }
        return outcome.clientId();
    }

    /** Subscribes and waits for the server's acknowledgement; fails with Faye's error text otherwise. */
    public void subscribe(String channel) {
        trySubscribe(channel).ifPresent(error -> {
            throw failure("subscribe to " + channel + " refused: " + error);
        });
    }

    /** Subscribes; returns the error text (e.g. {@code 405:/a b:Invalid channel}) if refused, else empty. */
    public Optional<String> trySubscribe(String channel) {
        String ref = nextRef();
        send(Json.createObjectBuilder().add("cmd", "subscribe").add("ref", ref).add("channel", channel).build());
        return errorOf(awaitOutcome(ref, SUBSCRIBE_OUTCOMES, "subscribe to " + channel), "subscribed");
    }

    /** Cancels this client's subscriptions to the channel and waits for the server's /meta/unsubscribe reply. */
    public void unsubscribe(String channel) {
        String ref = nextRef();
        send(Json.createObjectBuilder().add("cmd", "unsubscribe").add("ref", ref).add("channel", channel).build());
        errorOf(awaitOutcome(ref, UNSUBSCRIBE_OUTCOMES, "unsubscribe from " + channel), "unsubscribed").ifPresent(error -> {
            throw failure("unsubscribe from " + channel + " refused: " + error);
        });
    }

    /**
     * Publishes and waits for the server's reply.
     *
     * @return empty if the server acknowledged it, else Faye's error text, e.g. {@code 403:/meta/foo:Forbidden channel}
     */
    public Optional<String> publish(String channel, JsonValue data) {
        return publish(channel, data, null);
    }

    /** Like {@link #publish(String, JsonValue)}, with Faye's {@code attempts} option (null: retry until answered). */
    public Optional<String> publish(String channel, JsonValue data, Integer attempts) {
        String ref = nextRef();
        JsonObjectBuilder cmd = Json.createObjectBuilder().add("cmd", "publish").add("ref", ref).add("channel", channel).add("data", data);
        if (attempts != null) {
            cmd.add("attempts", attempts);
        }
        send(cmd.build());
        return errorOf(awaitOutcome(ref, PUBLISH_OUTCOMES, "publish to " + channel), "published");
    }

    /** Sends /meta/disconnect and waits for the reply. The client may {@link #connect} again afterwards. */
    public void disconnect() {
        String ref = nextRef();
        send(Json.createObjectBuilder().add("cmd", "disconnect").add("ref", ref).build());
        awaitOutcome(ref, Set.of("disconnected", "error"), "disconnect");
    }

    /** Sends a raw command line (for what the helpers do not cover). */
    public void send(JsonObject command) {
        String line = command.toString();
        try {
            synchronized (stdin) {
                stdin.write(line);
                stdin.write('\n');
                stdin.flush();
            }
        } catch (IOException e) {
            throw failure("cannot send " + line + " to the Node process: " + e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Observations

    /** Waits for a message on the channel whose data is an object matching the predicate (already received ones count). */
    public FayeEvent awaitMessage(String channel, Predicate<JsonObject> match, Duration within) {
        return awaitEvent(messageOn(channel, match), within, "a message on " + channel);
    }

    /** Waits for any message on the channel. */
    public FayeEvent awaitMessage(String channel, Duration within) {
        return awaitMessage(channel, d -> true, within);
    }

    /** Fails if a matching message on the channel has arrived or arrives within the given time. */
    public void assertNoMessage(String channel, Predicate<JsonObject> match, Duration during) {
        Predicate<FayeEvent> unwanted = messageOn(channel, match);
        long deadline = System.nanoTime() + during.toNanos();
        lock.lock();
        try {
            while (true) {
                for (FayeEvent e : events) {
                    if (unwanted.test(e)) {
                        throw failure("unexpected message on " + channel + ": " + e);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    return;
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted");
        } finally {
            lock.unlock();
        }
    }

    /** All messages delivered so far, in arrival order. */
    public List<FayeEvent> messages() {
        return events().stream().filter(e -> e.is("message")).toList();
    }

    /** Every event so far (messages, acks, handshake, transport:up/down, meta ...). */
    public List<FayeEvent> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    /** The clientId of the latest successful handshake, or null. */
    public String clientId() {
        List<FayeEvent> all = events();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).is("handshake")) {
                return all.get(i).clientId();
            }
        }
        return null;
    }

    /** Waits for the first event (from the start of the process) that matches. */
    public FayeEvent awaitEvent(Predicate<FayeEvent> match, Duration within, String what) {
        return awaitEvent(0, match, within, what);
    }

    /** Waits for the first matching event at index {@code from} or later of {@link #events()}. */
    public FayeEvent awaitEvent(int from, Predicate<FayeEvent> match, Duration within, String what) {
        long deadline = System.nanoTime() + within.toNanos();
        lock.lock();
        try {
            int index = from;
            while (true) {
                for (; index < events.size(); index++) {
                    if (match.test(events.get(index))) {
                        return events.get(index);
                    }
                }
                if (ended) {
                    throw failure("the Node process ended while waiting for " + what);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw failure("no " + what + " within " + within.toMillis() + " ms");
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure("interrupted while waiting for " + what);
        } finally {
            lock.unlock();
        }
    }

    /** Milliseconds from spawning Node to its "ready" line. */
    public long startupMillis() {
        return TimeUnit.NANOSECONDS.toMillis(readyNanos - startedNanos);
    }

    /** Milliseconds from "ready" to the end of the last successful {@link #connect} handshake. */
    public long connectMillis() {
        return connectedNanos == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(connectedNanos - readyNanos);
    }

    /** The Node process's id. */
    public long pid() {
        return node.process().pid();
    }

    public String name() {
        return name;
    }

    /** Asks the client to disconnect and exit, then kills the process for sure. */
    @Override
    public void close() {
        Process process = node.process();
        try {
            if (process.isAlive()) {
                try {
                    send(Json.createObjectBuilder().add("cmd", "exit").build());
                    stdin.close();
                } catch (AssertionError | IOException ignored) {
                    // already gone
                }
                process.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            NodeScripts.kill(process);
        }
    }

    // ------------------------------------------------------------------------------------------

    private void readEvents() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(node.process().getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                FayeEvent event;
                try {
                    event = FayeEvent.of(Json.createReader(new StringReader(line)).readObject(), System.nanoTime());
                } catch (JsonParsingException | ClassCastException e) {
                    event = FayeEvent.of(Json.createObjectBuilder().add("event", "unparsable").add("line", line).build(), System.nanoTime());
                }
                lock.lock();
                try {
                    events.add(event);
                    changed.signalAll();
                } finally {
                    lock.unlock();
                }
            }
        } catch (IOException e) {
            // the process went away; fall through
        } finally {
            lock.lock();
            try {
                ended = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private String nextRef() {
        return name + "-" + refs.incrementAndGet();
    }

    private FayeEvent awaitOutcome(String ref, Set<String> types, String what) {
        return awaitEvent(e -> ref.equals(e.ref()) && types.contains(e.type()), timeout, "outcome of " + what);
    }

    private Optional<String> errorOf(FayeEvent outcome, String successType) {
        if (outcome.is(successType)) {
            return Optional.empty();
        }
        if (outcome.is("error")) {
            throw failure("the Node side rejected the command: " + outcome.json().getString("message", outcome.toString()));
        }
        return Optional.of(outcome.error() == null ? outcome.toString() : outcome.error());
    }

    private static Predicate<FayeEvent> messageOn(String channel, Predicate<JsonObject> match) {
        return e -> {
            if (!e.is("message") || !channel.equals(e.channel())) {
                return false;
            }
            JsonObject data = e.dataObject();
            return data != null && match.test(data);
        };
    }

    private AssertionError failure(String message) {
        List<FayeEvent> all = events();
        StringBuilder text = new StringBuilder("[faye client ").append(name).append("] ").append(message);
        text.append("\n  last events:");
        for (FayeEvent e : all.subList(Math.max(0, all.size() - 15), all.size())) {
            text.append("\n    ").append(e);
        }
        if (!node.process().isAlive()) {
            text.append("\n  node exited with ").append(node.process().exitValue());
        }
        String stderr = node.stderrTail();
        if (!stderr.isBlank()) {
            text.append("\n  stderr (").append(node.stderrLog()).append("):\n").append(stderr);
        }
        return new AssertionError(text.toString());
    }

    @Override
    public String toString() {
        return "FayeClient[" + name + ", pid " + node.process().pid() + "]";
    }

    /** The JSON objects the tests publish, built from alternating keys and values. */
    public static JsonObject data(Object... keysAndValues) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            String key = String.valueOf(keysAndValues[i]);
            Object value = keysAndValues[i + 1];
            if (value instanceof Number n && !(value instanceof Double || value instanceof Float)) {
                b.add(key, n.longValue());
            } else if (value instanceof Number n) {
                b.add(key, n.doubleValue());
            } else if (value instanceof Boolean bool) {
                b.add(key, bool);
            } else if (value instanceof JsonValue json) {
                b.add(key, json);
            } else if (value == null) {
                b.addNull(key);
            } else {
                b.add(key, String.valueOf(value));
            }
        }
        return b.build();
    }
}
