package io.liveupdate.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ChangeLog#lock} on the local PostgreSQL and MariaDB, with real transactions on real connections (READ
 * COMMITTED, as the datasources are set up): a rule over a whole stream, checked after the lock and kept by a write in
 * the same transaction, holds however many transactions check it at once. The rule here, "a stream's first change is
 * its only one", stands for a chart's "no loop of dependencies": each transaction reads what is committed, finds
 * nothing against it, and writes; without the lock, several would.
 */
class StreamLockTest {

    private static final String DATABASE = "lu_stream_lock_" + UUID.randomUUID().toString().substring(0, 8);
    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";
    /** The local MariaDB has no TLS, which driver 4 asks for by default. */
    private static final String PLAIN = "?sslMode=disable";

    @BeforeAll
    static void createDatabases() throws SQLException {
        try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + DATABASE);
        }
        SchemaMigrator.configuration(StreamLockTest.class.getClassLoader(), "PostgreSQL").dataSource(POSTGRES + DATABASE, "postgres", "")
                .load().migrate();
        try (Connection admin = DriverManager.getConnection(MARIADB + PLAIN, "root", "")) {
            admin.createStatement().execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
        }
        Flyway.configure().dataSource(MARIADB + DATABASE + PLAIN, "root", "").locations("filesystem:db-migrations/mariadb").load().migrate();
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
        try (Connection admin = DriverManager.getConnection(MARIADB + PLAIN, "root", "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void checksOfAWholeStreamRunOneAtATimeSoOnlyOneOfManyConcurrentSavesPassesARuleOnlyOneMay(String database) throws Exception {
        var db = new Database(database);
        int savers = 12;
        for (String stream : List.of("gantt:new-" + UUID.randomUUID(), existingStream(db))) {
            var log = db.changeLog();
            long before = log.lastSeq(stream);
            var together = new CyclicBarrier(savers);
            var pool = Executors.newFixedThreadPool(savers);
            try {
                List<Future<Boolean>> saved = new ArrayList<>();
                for (int i = 0; i < savers; i++) {
                    int n = i;
                    saved.add(pool.submit(() -> {
                        try (Connection transaction = db.transaction()) {
                            together.await(10, TimeUnit.SECONDS);
                            boolean wrote = db.in(transaction, () -> {
                                log.lock(stream);
                                if (log.after(stream, before, 10).isEmpty()) {
                                    log.append(stream, Json.createObjectBuilder().add("saver", n).build());
                                    return true;
                                }
                                return false;
                            });
                            transaction.commit();
                            return wrote;
                        }
                    }));
                }
                int passed = 0;
                for (var each : saved) passed += each.get(60, TimeUnit.SECONDS) ? 1 : 0;
                assertEquals(1, passed, database + ", " + stream + ": exactly one saver found the rule kept and wrote");
                assertEquals(before + 1, log.lastSeq(stream), "one change numbered; the locks took no number");
                assertEquals(1, log.after(stream, before, 10).size());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    /** A stream whose counter row exists already (the chart has changes). */
    private static String existingStream(Database db) throws Exception {
        String stream = "gantt:old-" + UUID.randomUUID();
        try (Connection transaction = db.transaction()) {
            db.in(transaction, () -> db.changeLog().append(stream, Json.createObjectBuilder().build()));
            transaction.commit();
        }
        return stream;
    }

    /**
     * One of the two databases, and what the container does for ChangeLog: every {@code getConnection()} on a thread
     * inside a transaction hands out that transaction's connection, and closing it ends nothing; outside one, a
     * connection of its own (autocommit).
     */
    private static final class Database {
        private final String url;
        private final String user;
        private final ThreadLocal<Connection> current = new ThreadLocal<>();

        Database(String product) {
            boolean postgres = product.equals("postgresql");
            url = postgres ? POSTGRES + DATABASE : MARIADB + DATABASE + PLAIN;
            user = postgres ? "postgres" : "root";
        }

        Connection transaction() throws SQLException {
            Connection connection = DriverManager.getConnection(url, user, "");
            connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            connection.setAutoCommit(false);
            return connection;
        }

        <T> T in(Connection transaction, Callable<T> work) throws Exception {
            current.set(transaction);
            try {
                return work.call();
            } finally {
                current.remove();
            }
        }

        ChangeLog changeLog() {
            var settings = new ChangeLogSettings();
            settings.maxAgeMinutes = 60;
            settings.maxEntries = 10_000;
            settings.doorbell = false;
            var log = new ChangeLog();
            log.settings = settings;
            log.dataSource = dataSource();
            return log;
        }

        private DataSource dataSource() {
            ClassLoader loader = StreamLockTest.class.getClassLoader();
            return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                if (!method.getName().equals("getConnection")) throw new SQLFeatureNotSupportedException(method.getName());
                Connection connection = current.get();
                if (connection == null) return DriverManager.getConnection(url, user, "");
                return Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class},
                        (p, m, a) -> m.getName().equals("close") ? null : m.invoke(connection, a));
            });
        }
    }
}
