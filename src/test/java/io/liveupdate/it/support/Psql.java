package io.liveupdate.it.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one of server-config/outside-writes/'s scripts with psql, the command docs/databases.md gives a DBA, on the
 * local PostgreSQL (127.0.0.1, trust auth); the scripts use psql's variables, so JDBC cannot run them. Or one
 * statement, as someone at the command line does.
 */
public final class Psql {

    public static final Path OUTSIDE_WRITES = Path.of(System.getProperty("project.root", "."), "server-config", "outside-writes");

    private Psql() {
    }

    /** Runs {@code script} with {@code -v name=value} for each variable given; fails with psql's output. */
    public static void run(String database, String user, Path script, String... variables) {
        var command = new ArrayList<>(List.of("psql", "-h", "127.0.0.1", "-U", user, "-d", database, "-q"));
        for (String variable : variables) command.addAll(List.of("-v", variable));
        command.addAll(List.of("-f", script.toString()));
        execute(command);
    }

    /** Runs one SQL statement as {@code psql -c} does, in a transaction of its own; fails with psql's output. */
    public static void statement(String database, String user, String sql) {
        execute(List.of("psql", "-h", "127.0.0.1", "-U", user, "-d", database, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql));
    }

    private static void execute(List<String> command) {
        try {
            var process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (process.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run psql: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running psql", e);
        }
    }

    /** The database name of a {@code jdbc:postgresql://host:port/name} URL. */
    public static String databaseOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
