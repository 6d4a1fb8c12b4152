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
import java.util.stream.LongStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The change log on the MariaDB that runs on every machine here (127.0.0.1:3306, root): MariaDB's own migrations
 * (db-migrations/mariadb/) apply, and concurrent first changes of a stream, each in a real transaction of its own
 * (READ COMMITTED, as wildfly-mariadb.cli sets), all commit, numbered 1..n without a gap, clash or deadlock.
 */
class ChangeLogOnMariaDbTest {

    private static final String SERVER = "jdbc:mariadb://127.0.0.1:3306/";
    /** The local server has no TLS, which driver 4 asks for by default. */
    private static final String PLAIN = "?sslMode=disable";
    private static final String DATABASE = "lu_companydb_changelog_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + PLAIN, "root", "")) {
            admin.createStatement().execute("CREATE DATABASE " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
        }
        var result = Flyway.configure().dataSource(SERVER + DATABASE + PLAIN, "root", "")
                .locations("filesystem:db-migrations/mariadb").load().migrate();
        assertEquals(newestPostgresMigration(), Integer.parseInt(result.targetSchemaVersion), "MariaDB has every migration PostgreSQL has");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + PLAIN, "root", "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    @Test
    void concurrentFirstChangesOfAStreamAreNumberedOneToNInCommitOrder() throws Exception {
        int writers = 12;
        var log = changeLog();
        String stream = "calendar:first-" + UUID.randomUUID();
        var together = new CyclicBarrier(writers);
        var pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Long>> numbers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                numbers.add(pool.submit((Callable<Long>) () -> {
                    try (Connection transaction = transaction()) {
                        together.await(10, TimeUnit.SECONDS);
                        long seq = TransactionBound.in(transaction, () -> log.append(stream, Json.createObjectBuilder().add("n", n).build()).seq());
                        transaction.commit();
                        return seq;
                    }
                }));
            }
            var seqs = new ArrayList<Long>();
            for (var number : numbers) seqs.add(number.get(30, TimeUnit.SECONDS));
            seqs.sort(null);

            assertEquals(LongStream.rangeClosed(1, writers).boxed().toList(), seqs, "each change its own number, none lost");
            assertEquals(writers, log.lastSeq(stream));
            assertEquals(writers, log.after(stream, 0, 100).size(), "every change logged");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void streamsDifferingOnlyByCaseOrTrailingSpaceAreTwoStreams() throws Exception {
        var log = changeLog();
        String stream = "calendar:Case-" + UUID.randomUUID();
        for (String each : List.of(stream, stream.toLowerCase(), stream + " ")) {
            try (Connection transaction = transaction()) {
                assertEquals(1, TransactionBound.in(transaction, () -> log.append(each, Json.createObjectBuilder().build()).seq()), each);
                transaction.commit();
            }
        }
    }

    private static ChangeLog changeLog() {
        var settings = new ChangeLogSettings();
        settings.maxAgeMinutes = 60;
        settings.maxEntries = 10_000;
        settings.doorbell = true;
        var log = new ChangeLog();
        log.settings = settings;
        log.dataSource = TransactionBound.DATA_SOURCE;
        return log;
    }

    private static Connection transaction() throws SQLException {
        Connection connection = DriverManager.getConnection(SERVER + DATABASE + PLAIN, "root", "");
        connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        connection.setAutoCommit(false);
        return connection;
    }

    private static int newestPostgresMigration() {
        String[] files = new java.io.File("db-migrations").list((dir, name) -> name.matches("V\\d+__.*\\.sql"));
        return java.util.Arrays.stream(files).mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
    }

    /**
     * What the container does for ChangeLog: every {@code getConnection()} on a thread inside a transaction hands out
     * that transaction's connection, and closing it ends nothing; outside one, a connection of its own (autocommit).
     */
    private static final class TransactionBound {

        private static final ThreadLocal<Connection> CURRENT = new ThreadLocal<>();

        static final DataSource DATA_SOURCE = (DataSource) Proxy.newProxyInstance(ChangeLogOnMariaDbTest.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("getConnection")) throw new SQLFeatureNotSupportedException(method.getName());
                    Connection connection = CURRENT.get();
                    if (connection == null) return DriverManager.getConnection(SERVER + DATABASE + PLAIN, "root", "");
                    return Proxy.newProxyInstance(ChangeLogOnMariaDbTest.class.getClassLoader(), new Class<?>[] {Connection.class},
                            (p, m, a) -> m.getName().equals("close") ? null : m.invoke(connection, a));
                });

        static <T> T in(Connection transaction, Callable<T> work) throws Exception {
            CURRENT.set(transaction);
            try {
                return work.call();
            } finally {
                CURRENT.remove();
            }
        }
    }
}
