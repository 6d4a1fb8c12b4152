package io.liveupdate.payara;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * One Payara Micro child process running the real WAR against PostgreSQL or MariaDB, configured the way an operator
 * would: {@code --addLibs} for the driver and {@code server-config/payara-postgres.asadmin} (or
 * {@code payara-mariadb.asadmin}) as post-boot commands, with the database named by environment variables. Its
 * console goes to a log file.
 */
final class PayaraMicro implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PayaraMicro.class.getName());
    /** How long the app may take to answer once Payara Micro itself reports "ready". */
    private static final Duration AFTER_SERVER_READY = Duration.ofSeconds(15);

    /** The command as documented starts so, before the arguments below. */
    static final String DOCUMENTED_COMMAND = "java -jar payara-micro-6.2025.10.jar ";
    /**
     * The README's Payara Micro command after {@link #DOCUMENTED_COMMAND}, word for word (PayaraMicroIT checks the
     * README still says it). It runs with each file argument resolved where the build put the file; the test adds only
     * its own ports, {@code --nocluster} and the JVM options before it.
     */
    static final String ON_POSTGRES = "--addLibs postgresql.jar --postbootcommandfile server-config/payara-postgres.asadmin"
            + " --deploy target/live-update.war:/";
    /** docs/databases.md's Payara command on MariaDB, after {@link #DOCUMENTED_COMMAND} (PayaraMariaDbIT checks it). */
    static final String ON_MARIADB = "--addLibs mariadb.jar --postbootcommandfile server-config/payara-mariadb.asadmin"
            + " --deploy target/live-update.war:/";

    final URI base;
    final Path log;
    private final Process process;
    private final Thread killOnExit;
    /** From launch until the app answered. */
    Duration startTime;

    private PayaraMicro(URI base, Path log, Process process, Thread killOnExit) {
        this.base = base;
        this.log = log;
        this.process = process;
        this.killOnExit = killOnExit;
    }

    /**
     * Starts Payara Micro with the documented {@code arguments} ({@link #ON_POSTGRES} or {@link #ON_MARIADB}) and
     * returns once {@code readyPath} answers 200 with a body starting with {@code readyBodyPrefix} (so the app is
     * deployed and can reach its database), or fails after {@code timeout}.
     */
    static PayaraMicro start(String arguments, Map<String, String> env, Path log, String readyPath, String readyBodyPrefix,
            Duration timeout) throws IOException {
        int[] ports = freePorts(2);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-Dliveupdate.demo=true", // the demo's RemoteEvents token, as on the WildFly of the tests
                "-jar", required("payara.micro.jar"),
                "--nocluster",
                "--port", Integer.toString(ports[0]),
                "--sslport", Integer.toString(ports[1])));
        for (String argument : arguments.split(" ")) command.add(resolved(argument));
        Files.createDirectories(log.getParent());
        var builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
        builder.environment().putAll(env);
        LOG.info(() -> "Starting " + String.join(" ", command) + " (log: " + log + ")");

        long started = System.nanoTime();
        Process process = builder.start();
        // Even if the test JVM ends without @AfterAll (e.g. killed by SIGTERM), the server goes with it.
        Thread killOnExit = new Thread(() -> destroyTree(process), "payara-micro-killer");
        Runtime.getRuntime().addShutdownHook(killOnExit);

        URI base = URI.create("http://127.0.0.1:" + ports[0] + "/");
        var server = new PayaraMicro(base, log, process, killOnExit);
        try {
            server.awaitReady(readyPath, readyBodyPrefix, started, timeout);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        server.startTime = Duration.ofNanos(System.nanoTime() - started);
        return server;
    }

    /** A file argument of the documented command, where this build has that file; any other argument as it is. */
    private static String resolved(String argument) {
        return switch (argument) {
            case "postgresql.jar" -> required("pg.jar");
            case "mariadb.jar" -> required("mariadb.jar");
            case "target/live-update.war:/" -> required("war.file") + ":/";
            default -> argument.startsWith("-") ? argument : Path.of(required("project.root"), argument).toString();
        };
    }

    private void awaitReady(String readyPath, String readyBodyPrefix, long started, Duration timeout) {
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        var request = HttpRequest.newBuilder(base.resolve(readyPath)).timeout(Duration.ofSeconds(5)).GET().build();
        long deadline = started + timeout.toNanos();
        long serverReadyAt = 0;
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("Payara Micro exited with " + process.exitValue() + " before the app answered\n" + tail());
            }
            // A failed post-boot command leaves the server running without what it should have made (a pool left
            // out, the app on Payara's embedded H2): an operator script that does not run must fail the test.
            String failedCommand = firstLineContaining("Boot Command ", " failed");
            if (failedCommand != null) {
                throw new AssertionError("a post-boot command failed: " + failedCommand + "\n" + firstSevere());
            }
            // Payara Micro says "Deployed 1 archive(s)" and "ready" even when the deployment failed: fail fast then.
            if (serverReadyAt == 0 && logContains(") ready in ")) {
                serverReadyAt = System.nanoTime();
            } else if (serverReadyAt != 0 && System.nanoTime() - serverReadyAt > AFTER_SERVER_READY.toNanos()) {
                throw new AssertionError("Payara Micro is ready but " + readyPath + " still does not answer after "
                        + AFTER_SERVER_READY + " (failed deployment?); last: " + last + "\n" + firstSevere() + "\n" + tail());
            }
            try {
                var response = client.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() == 200 && response.body().startsWith(readyBodyPrefix)) return;
                last = "HTTP " + response.statusCode() + ": " + abbreviate(response.body());
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            // Poll interval, not a fixed wait: the loop ends as soon as the app answers.
            try {
                process.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Payara Micro did not serve " + readyPath + " within " + timeout + "; last: " + last + "\n" + tail());
    }

    /** Stops the server and everything it started: SIGTERM first (lets Payara delete its runtime dir), then SIGKILL. */
    @Override
    public void close() {
        long stopping = System.nanoTime();
        destroyTree(process);
        LOG.info(() -> "Payara Micro stopped in " + Duration.ofNanos(System.nanoTime() - stopping).toMillis() + " ms");
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or will run; nothing to undo
        }
    }

    private static void destroyTree(Process process) {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle handle : tree) {
            try {
                handle.onExit().get(20, TimeUnit.SECONDS);
            } catch (Exception notYet) {
                handle.destroyForcibly();
            }
        }
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
                try {
                    handle.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.severe(() -> "Could not stop process " + handle.pid() + ": " + e);
                }
            }
        }
    }

    private boolean logContains(String text) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The first log line that holds every one of {@code parts}, or null. */
    private String firstLineContaining(String... parts) {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> java.util.Arrays.stream(parts).allMatch(line::contains)).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    /** The first SEVERE entry of the server log (up to 40 lines), for failure messages. */
    String firstSevere() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains("SEVERE")) {
                    return "--- first SEVERE entry ---\n" + String.join("\n", lines.subList(i, Math.min(lines.size(), i + 40)));
                }
            }
            return "(no SEVERE entry in " + log + ")";
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    /** The last lines of the server log, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "--- last lines of " + log + " ---\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    private static int[] freePorts(int count) throws IOException {
        // Hold every socket until all are chosen, so the ports differ; never 8080/8443/9990 (ephemeral range).
        var sockets = new ArrayList<ServerSocket>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                var socket = new ServerSocket(0);
                socket.setReuseAddress(true);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } finally {
            for (var socket : sockets) socket.close();
        }
    }

    static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + property + " is not set (failsafe passes it from the pom)");
        }
        return value;
    }

    private static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
