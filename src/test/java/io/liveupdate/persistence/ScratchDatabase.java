package io.liveupdate.persistence;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * A database of one test class's own on the local PostgreSQL or MariaDB (127.0.0.1, trust auth / root without a
 * password), migrated as the WAR migrates it ({@link SchemaMigrator}) and dropped at the end; and what the container
 * does for {@link ChangeLog}: a {@code getConnection()} on a thread inside {@link #in} hands out that transaction's
 * connection, and closing it ends nothing; outside, a connection of its own (autocommit). The persistence tests' one
 * place for this set-up.
 */
final class ScratchDatabase {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";
    /** The local MariaDB has no TLS, which driver 4 asks for by default. */
    private static final String PLAIN = "?sslMode=disable";

    final String name;
    private final boolean postgres;
    private final String user;
    private final ThreadLocal<Connection> current = new ThreadLocal<>();

    private ScratchDatabase(String prefix, boolean postgres) {
        this.name = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        this.postgres = postgres;
        this.user = postgres ? "postgres" : "root";
    }

    static ScratchDatabase onPostgres(String prefix) {
        return new ScratchDatabase(prefix, true);
    }

    static ScratchDatabase onMariaDb(String prefix) {
        return new ScratchDatabase(prefix, false);
    }

    /** Creates the database (on MariaDB with the collation docs/databases.md asks for) and applies every migration. */
    MigrateResult create() throws SQLException {
        try (Connection admin = admin()) {
            admin.createStatement().execute(postgres ? "CREATE DATABASE " + name
                    : "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
        }
        return SchemaMigrator.configuration(ScratchDatabase.class.getClassLoader(), postgres ? "PostgreSQL" : "MariaDB")
                .dataSource(url(), user, "").load().migrate();
    }

    void drop() throws SQLException {
        try (Connection admin = admin()) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + (postgres ? " WITH (FORCE)" : ""));
        }
    }

    /** A connection of its own, autocommit. */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user, "");
    }

    /** A transaction's connection as the WAR's datasources give it: READ COMMITTED, no autocommit. */
    Connection transaction() throws SQLException {
        Connection connection = connect();
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        connection.setAutoCommit(false);
        return connection;
    }

    /** Runs {@code work} on this thread as inside {@code transaction}: {@link #changeLog()} writes through it. */
    <T> T in(Connection transaction, Callable<T> work) throws Exception {
        current.set(transaction);
        try {
            return work.call();
        } finally {
            current.remove();
        }
    }

    /** A change log as the WAR's: the transaction's connection inside {@link #in}, one of its own outside. */
    ChangeLog changeLog() {
        return changeLog(current::get);
    }

    /** A change log whose every connection is {@code transaction} (closing it ends nothing). */
    ChangeLog changeLog(Connection transaction) {
        return changeLog(() -> transaction);
    }

    private ChangeLog changeLog(Supplier<Connection> transaction) {
        var settings = new ChangeLogSettings();
        settings.maxAgeMinutes = 60;
        settings.maxEntries = 10_000;
        settings.doorbell = true;
        var log = new ChangeLog();
        log.settings = settings;
        log.dataSource = dataSource(transaction);
        return log;
    }

    private DataSource dataSource(Supplier<Connection> transaction) {
        ClassLoader loader = ScratchDatabase.class.getClassLoader();
        return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
            if (!method.getName().equals("getConnection")) throw new SQLFeatureNotSupportedException(method.getName());
            Connection connection = transaction.get();
            if (connection == null) return connect();
            return Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class},
                    (p, m, a) -> m.getName().equals("close") ? null : m.invoke(connection, a));
        });
    }

    private String url() {
        return postgres ? POSTGRES + name : MARIADB + name + PLAIN;
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(postgres ? POSTGRES + "postgres" : MARIADB + PLAIN, user, "");
    }
}
