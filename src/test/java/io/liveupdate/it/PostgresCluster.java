package io.liveupdate.it;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The machine's real PostgreSQL cluster, stopped and started as an operator would ({@code pg_ctlcluster}) for the
 * fault tests. Other builds share it: a test that stops it must start it again in a finally block, and the build
 * that runs such a test holds {@code /tmp/pg.lock} exclusively. A JVM shutdown hook starts it too, should the test
 * JVM be killed in between.
 */
final class PostgresCluster {

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final String version;
    private final Thread restartOnExit = new Thread(this::startQuietly, "restart PostgreSQL");

    private PostgresCluster(String version) {
        this.version = version;
    }

    /** The one cluster "main" of the installed version ({@code ls /etc/postgresql}). */
    static PostgresCluster main() {
        String[] versions = new File("/etc/postgresql").list();
        if (versions == null || versions.length != 1) throw new IllegalStateException("expected one PostgreSQL version in /etc/postgresql");
        return new PostgresCluster(versions[0]);
    }

    void stop() {
        Runtime.getRuntime().addShutdownHook(restartOnExit);
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "stop", "-m", "fast");
    }

    /** Starts the cluster and waits until it accepts connections. */
    void start() {
        run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start");
        awaitReady();
        try {
            Runtime.getRuntime().removeShutdownHook(restartOnExit);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // already shutting down, or never stopped by us: nothing to undo
        }
    }

    private void startQuietly() {
        try {
            run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start");
        } catch (RuntimeException e) {
            System.err.println("could not restart PostgreSQL: " + e);
        }
    }

    private static void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (exitCode("pg_isready", "-h", "127.0.0.1", "-t", "2") == 0) return;
            try {
                Thread.sleep(200); // polling an external process; no event to wait on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("PostgreSQL not ready within " + READY_WITHIN);
    }

    private static void run(String... command) {
        int code = exitCode(command);
        // "start" of a running cluster exits 2, "stop" of a stopped one 2: the state wanted is reached either way
        if (code != 0 && code != 2) throw new IllegalStateException(String.join(" ", command) + " exited " + code);
    }

    private static int exitCode(String... command) {
        try {
            Process process = new ProcessBuilder(List.of(command)).inheritIO().start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command[0], e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
