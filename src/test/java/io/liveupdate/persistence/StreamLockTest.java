package io.liveupdate.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    private static final ScratchDatabase POSTGRES = ScratchDatabase.onPostgres("lu_stream_lock");
    private static final ScratchDatabase MARIADB = ScratchDatabase.onMariaDb("lu_stream_lock");

    @BeforeAll
    static void createDatabases() throws SQLException {
        POSTGRES.create();
        MARIADB.create();
    }

    @AfterAll
    static void dropDatabases() throws SQLException {
        POSTGRES.drop();
        MARIADB.drop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "mariadb"})
    void checksOfAWholeStreamRunOneAtATimeSoOnlyOneOfManyConcurrentSavesPassesARuleOnlyOneMay(String database) throws Exception {
        var db = database.equals("postgresql") ? POSTGRES : MARIADB;
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
    private static String existingStream(ScratchDatabase db) throws Exception {
        String stream = "gantt:old-" + UUID.randomUUID();
        try (Connection transaction = db.transaction()) {
            db.in(transaction, () -> db.changeLog().append(stream, Json.createObjectBuilder().build()));
            transaction.commit();
        }
        return stream;
    }
}
