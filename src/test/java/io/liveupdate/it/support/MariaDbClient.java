package io.liveupdate.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs server-config/outside-writes/mariadb.sh and pipes what it prints into the {@code mariadb} command-line client,
 * as docs/databases.md tells a DBA to, on the local MariaDB (127.0.0.1:3306); and runs plain SQL with that client,
 * as another application's writes.
 */
public final class MariaDbClient {

    public static final Path SCRIPT = Psql.OUTSIDE_WRITES.resolve("mariadb.sh");

    private final String database;
    private final String user;
    private final String password;

    /** A login of the local server; an empty password for none (root here). */
    public MariaDbClient(String database, String user, String password) {
        this.database = database;
        this.user = user;
        this.password = password;
    }

    /** The run's MariaDB database as the server's own user (pom.xml's it.mariadb.*; the build creates both). */
    public static MariaDbClient ofTheRun() {
        String url = System.getProperty("it.mariadb.url");
        String database = url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
        return new MariaDbClient(database, System.getProperty("it.mariadb.user"), System.getProperty("it.mariadb.password"));
    }

    /** {@code mariadb.sh <options> | mariadb ...}; fails with either's output. */
    public void outsideWrites(String... options) {
        var command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
        command.addAll(List.of(options));
        sql(run(command, ""));
    }

    /** Runs SQL statements with the client, as another application would. */
    public String sql(String statements) {
        return run(List.of("mariadb", "-h", "127.0.0.1", "-P", "3306", "-u", user, "--batch", database), statements);
    }

    private String run(List<String> command, String input) {
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (!password.isEmpty()) builder.environment().put("MYSQL_PWD", password); // not on the command line
            var process = builder.start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
