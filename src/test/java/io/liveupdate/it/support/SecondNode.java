package io.liveupdate.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;

/**
 * A second WildFly node next to the one Arquillian manages: the same unpacked, prepared WildFly with a base directory
 * of its own ({@code target/node-2}, a copy of {@code standalone/configuration}), its own port offset, node name and
 * transaction node id, the same database and demo mode as {@code arquillian.xml} gives node 1; the real WAR deployed
 * to it over its management API. Stopped by {@link #close}.
 */
public final class SecondNode implements AutoCloseable {

    private static final Duration BOOT_WITHIN = Duration.ofSeconds(120);

    private final Process process;
    private final int portOffset;
    private final Path log;

    /** Ends node 2 should the test JVM exit without {@link #close} (killed, or a failure in between). */
    private final Thread killOnExit;

    private SecondNode(Process process, int portOffset, Path log) {
        this.process = process;
        this.portOffset = portOffset;
        this.log = log;
        this.killOnExit = new Thread(this::kill, "stop node 2");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Ends the node at once, as a crash or {@code kill -9} would: no shutdown, no goodbye to its clients. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static SecondNode shared;

    /**
     * Node 2 for every cluster test class of this test run: booted by the first that asks (one boot per build, the
     * machine has two cores), stopped when the test JVM ends. A test that stops or kills a node boots one of its own
     * with {@link #start(String, int)} instead.
     */
    public static synchronized SecondNode shared() throws IOException, InterruptedException {
        if (shared == null || !shared.process.isAlive()) shared = start("node-2", 50);
        return shared;
    }

    /**
     * Boots a node named {@code name} at port offset {@code it.port.offset + offsetStep} (50 for node 2, 70 for a
     * test's own) and deploys the WAR the build made; returns once it answers.
     */
    public static SecondNode start(String name, int offsetStep) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("jboss.home"));
        Path base = Path.of("target", name).toAbsolutePath();
        copyConfiguration(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        int offset = Integer.getInteger("it.port.offset", 0) + offsetStep;
        Path log = base.resolve("console.log");
        var command = List.of(home.resolve("bin/standalone.sh").toString(), "-c", "standalone.xml",
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.node.name=" + name, "-Djboss.tx.node.id=" + name,
                "-Dliveupdate.db.url=" + System.getProperty("it.db.url"), "-Dliveupdate.db.user=" + System.getProperty("it.db.user", "postgres"),
                "-Dliveupdate.demo=true");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("JAVA_OPTS", "-Xms128m -Xmx768m -Djava.net.preferIPv4Stack=true");
        builder.environment().put("JBOSS_HOME", home.toString());
        var node = new SecondNode(builder.start(), offset, log);
        try {
            node.awaitRunning();
            node.deploy(new File(System.getProperty("war.file", "target/live-update.war")).getAbsoluteFile());
            Management.awaitUp(node.url().resolve("api/health"), BOOT_WITHIN);
            return node;
        } catch (RuntimeException | Error | IOException | InterruptedException e) {
            node.close();
            throw e;
        }
    }

    /** The WAR's root on this node (its jboss-web.xml context root, "/"), as Arquillian's deployment URL is on node 1. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/");
    }

    private int managementPort() {
        return 9990 + portOffset;
    }

    private static void copyConfiguration(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (file.toString().contains("standalone_xml_history")) continue;
                if (Files.isDirectory(file)) Files.createDirectories(target);
                else Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        // Node 1's configuration names what is deployed to it now, whose content node 2 does not have.
        Path config = to.resolve("standalone.xml");
        Files.writeString(config, Files.readString(config).replaceAll("(?s)<deployments>.*?</deployments>", ""));
    }

    private void awaitRunning() throws IOException, InterruptedException {
        var state = new ModelNode();
        state.get("operation").set("read-attribute");
        state.get("address").setEmptyList();
        state.get("name").set("server-state");
        long deadline = System.nanoTime() + BOOT_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new AssertionError("node 2 exited while booting; see " + log);
            try (var client = ModelControllerClient.Factory.create("127.0.0.1", managementPort())) {
                if ("running".equals(client.execute(state).get("result").asString())) return;
            } catch (IOException | RuntimeException e) {
                // still booting: the management port refuses connections meanwhile
            }
            Thread.sleep(250);
        }
        throw new AssertionError("node 2 not running within " + BOOT_WITHIN + "; see " + log);
    }

    private void deploy(File war) throws IOException {
        var op = new ModelNode();
        op.get("operation").set("add");
        op.get("address").add("deployment", war.getName());
        op.get("enabled").set(true);
        var content = new ModelNode();
        content.get("url").set(war.toURI().toString());
        op.get("content").add(content);
        try (var client = ModelControllerClient.Factory.create("127.0.0.1", managementPort())) {
            ModelNode result = client.execute(op);
            assertEquals("success", result.get("outcome").asString(), "deploying to node 2: " + result + "; see " + log);
        }
    }

    /** Shuts the node down through management, waits for the process, and kills it only if it does not end. */
    @Override
    public void close() {
        var op = new ModelNode();
        op.get("operation").set("shutdown");
        op.get("address").setEmptyList();
        try (var client = ModelControllerClient.Factory.create("127.0.0.1", managementPort())) {
            client.execute(op);
        } catch (IOException | RuntimeException e) {
            // not up (a failed boot) or already going: the process is ended below
        }
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                kill();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException e) {
            // the JVM is exiting already: the hook runs, harmlessly
        }
    }
}
