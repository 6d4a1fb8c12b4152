package io.liveupdate.it.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The database the run's server is on, as the test JVM reaches it: PostgreSQL ({@code it.db.*}), or MariaDB
 * ({@code it.mariadb.*}) in the build's MariaDB execution, which is told apart by the datasource it boots the server
 * with ({@code it.datasource}, LiveUpdateMariaDBDS there).
 */
public final class RunDatabase {

    private RunDatabase() {
    }

    public static boolean isMariaDb() {
        return System.getProperty("it.datasource", "").contains("MariaDB");
    }

    /** A connection as the server's own user on MariaDB, as the superuser on PostgreSQL (trust auth here). */
    public static Connection connect() throws SQLException {
        if (isMariaDb()) {
            return DriverManager.getConnection(System.getProperty("it.mariadb.url"), System.getProperty("it.mariadb.user"),
                    System.getProperty("it.mariadb.password"));
        }
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"), "");
    }

    /** One statement typed at the database's own command-line client: {@code psql}, or {@code mariadb}. */
    public static void commandLine(String sql) {
        if (isMariaDb()) MariaDbClient.ofTheRun().sql(sql + ";");
        else Psql.statement(Psql.databaseOf(System.getProperty("it.db.url")), System.getProperty("it.db.user", "postgres"), sql);
    }

    /**
     * Runs a file of plain SQL statements, each ended by a {@code ;} at the end of a line, as the database's own
     * client would ({@code --} comment lines skipped); one statement per JDBC call, as MariaDB's driver takes them.
     */
    public static void runScript(Connection db, Path script) throws SQLException {
        String text;
        try {
            text = Files.readString(script);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + script, e);
        }
        var statement = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.strip().startsWith("--")) continue;
            statement.append(line).append('\n');
            if (line.strip().endsWith(";")) {
                String sql = statement.toString().strip();
                db.createStatement().execute(sql.substring(0, sql.length() - 1));
                statement.setLength(0);
            }
        }
        if (!statement.toString().isBlank()) throw new IllegalStateException(script + " ends without a ';'");
    }
}
