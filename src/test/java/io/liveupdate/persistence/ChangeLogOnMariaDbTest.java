package io.liveupdate.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The change log on the MariaDB that runs on every machine here (127.0.0.1:3306, root): MariaDB's own migrations
 * (db-migrations/mariadb/) apply, and concurrent first changes of a stream, each in a real transaction of its own
 * (READ COMMITTED, as wildfly-mariadb.cli sets), all commit, numbered 1..n without a gap, clash or deadlock.
 */
class ChangeLogOnMariaDbTest {

    private static final ScratchDatabase DB = ScratchDatabase.onMariaDb("lu_companydb_changelog");

    @BeforeAll
    static void createDatabase() throws SQLException {
        var result = DB.create();
        assertEquals(newestPostgresMigration(), Integer.parseInt(result.targetSchemaVersion), "MariaDB has every migration PostgreSQL has");
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        DB.drop();
    }

    @Test
    void concurrentFirstChangesOfAStreamAreNumberedOneToNInCommitOrder() throws Exception {
        int writers = 12;
        var log = DB.changeLog();
        String stream = "calendar:first-" + UUID.randomUUID();
        var together = new CyclicBarrier(writers);
        var pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Long>> numbers = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                int n = i;
                numbers.add(pool.submit((Callable<Long>) () -> {
                    try (Connection transaction = DB.transaction()) {
                        together.await(10, TimeUnit.SECONDS);
                        long seq = DB.in(transaction, () -> log.append(stream, Json.createObjectBuilder().add("n", n).build()).seq());
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
        var log = DB.changeLog();
        String stream = "calendar:Case-" + UUID.randomUUID();
        for (String each : List.of(stream, stream.toLowerCase(), stream + " ")) {
            try (Connection transaction = DB.transaction()) {
                assertEquals(1, DB.in(transaction, () -> log.append(each, Json.createObjectBuilder().build()).seq()), each);
                transaction.commit();
            }
        }
    }

    private static int newestPostgresMigration() {
        String[] files = new java.io.File("db-migrations").list((dir, name) -> name.matches("V\\d+__.*\\.sql"));
        return java.util.Arrays.stream(files).mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
    }
}
