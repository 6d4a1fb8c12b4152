package io.liveupdate.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveupdate.calendar.ChangeRecords;
import io.liveupdate.calendar.EventChanged;
import io.liveupdate.it.support.MariaDbClient;
import jakarta.json.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
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
 * server-config/outside-writes/mariadb.sh, piped into the mariadb client, on the local MariaDB in a database of this
 * test's own with every migration: another client's writes are numbered as {@link ChangeLog} numbers the WAR's (read
 * back by {@link ChangeRecords#fromJson}); a transaction on a connection prepared as wildfly-mariadb.cli prepares
 * the WAR's is numbered once, whether it wrote the row before or after appending; racing outside writes and WAR
 * saves get 1..n, no gap, no duplicate.
 */
class OutsideWritesOnMariaDbTest {

    private static final ScratchDatabase DB = ScratchDatabase.onMariaDb("lu_outside_writes");
    private static final MariaDbClient CLIENT = new MariaDbClient(DB.name, "root", "");

    @BeforeAll
    static void createDatabase() throws SQLException {
        DB.create();
        CLIENT.outsideWrites();
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        DB.drop();
    }

    @Test
    void anotherClientsInsertUpdateAndDeleteAreLoggedAsTheWarLogsItsOwn() {
        String calendar = "outside-" + UUID.randomUUID();
        CLIENT.sql("INSERT INTO scheduler_event (id, calendar, start_date, end_date, text, custom_fields) VALUES (7, '" + calendar
                + "', '2025-03-01 09:00', '2025-03-01 10:30', 'theirs', '{\"color\":\"red\"}');"
                + "UPDATE scheduler_event SET text = 'theirs, moved', version = version + 1 WHERE id = 7;"
                + "DELETE FROM scheduler_event WHERE id = 7;");

        List<EventChanged> logged = logOf(calendar);
        assertEquals(List.of("1 INSERTED theirs 1", "2 UPDATED theirs, moved 2", "3 DELETED theirs, moved 2"),
                logged.stream().map(c -> c.seq() + " " + c.kind() + " " + c.event().text() + " " + c.event().version()).toList());
        var inserted = logged.get(0).event();
        assertEquals(7L, inserted.id());
        assertEquals(calendar, inserted.calendar());
        assertEquals(LocalDateTime.of(2025, 3, 1, 10, 30), inserted.endDate());
        assertEquals("red", inserted.customFields().getString("color"));
        assertEquals(false, inserted.deleted());
        assertEquals(12, DB.changeLog().head(ChangeRecords.streamOf(calendar)).epoch().length(), "an epoch as the WAR gives one");
    }

    @Test
    void aRowMovedToAnotherCalendarIsDeletedThereAndInsertedHere() {
        String from = "from-" + UUID.randomUUID();
        String to = "to-" + UUID.randomUUID();
        CLIENT.sql("INSERT INTO scheduler_event (id, calendar, start_date, end_date, text) VALUES (17, '" + from
                + "', '2025-03-01 09:00', '2025-03-01 10:00', 'moving');"
                + "UPDATE scheduler_event SET calendar = '" + to + "', version = version + 1 WHERE id = 17;");

        assertEquals(List.of("INSERTED " + from, "DELETED " + from), logOf(from).stream().map(c -> c.kind() + " " + c.event().calendar()).toList());
        assertEquals(List.of("INSERTED " + to), logOf(to).stream().map(c -> c.kind() + " " + c.event().calendar()).toList());
    }

    @Test
    void theWarsOwnSaveIsLoggedOnceWhetherItWritesTheRowBeforeOrAfterAppending() throws Exception {
        String calendar = "war-" + UUID.randomUUID();
        String stream = ChangeRecords.streamOf(calendar);
        try (Connection transaction = DB.transaction()) {
            var log = DB.changeLog(transaction);
            log.markWritesAsTheWars();
            transaction.createStatement().execute(insert(8, calendar, "row first"));
            log.append(stream, Json.createObjectBuilder().add("by", "war").build());
            log.append(stream, Json.createObjectBuilder().add("by", "war").build());
            transaction.createStatement().execute(insert(9, calendar, "row after"));
            transaction.commit();
        }
        assertEquals(2, DB.changeLog().lastSeq(stream), "the WAR's two appends, nothing from the triggers");
        CLIENT.sql("UPDATE scheduler_event SET version = version + 1 WHERE id = 9");
        assertEquals(3, DB.changeLog().lastSeq(stream), "the next write without the mark is another client's");
    }

    /** What Flyway leaves behind on the connection it migrated with, which goes back to the WAR's pool. */
    @Test
    void aConnectionWhoseVariablesWereResetIsMarkedAgainByTheNextTransaction() throws Exception {
        String calendar = "reset-" + UUID.randomUUID();
        String stream = ChangeRecords.streamOf(calendar);
        try (Connection pooled = DB.transaction()) {
            var log = DB.changeLog(pooled);
            log.markWritesAsTheWars();
            pooled.commit();
            pooled.createStatement().execute("SET @liveupdate_writer = NULL"); // Flyway's restore of the connection's state
            log.markWritesAsTheWars();
            pooled.createStatement().execute(insert(10, calendar, "after the reset"));
            log.append(stream, Json.createObjectBuilder().add("by", "war").build());
            pooled.commit();
        }
        assertEquals(1, DB.changeLog().lastSeq(stream));
    }

    /**
     * Transactions started together, each committing: outside inserts (on connections as another application opens
     * them, InnoDB's default REPEATABLE READ) and WAR saves (row before or after the append, READ COMMITTED as the
     * datasource) of one calendar. Each is numbered once, and the numbers are 1..n.
     */
    @Test
    void racingOutsideWritesAndWarSavesAreNumberedOneToNWithoutGapOrDuplicate() throws Exception {
        int transactions = 24;
        String calendar = "race-" + UUID.randomUUID();
        String stream = ChangeRecords.streamOf(calendar);
        var together = new CyclicBarrier(transactions);
        var pool = Executors.newFixedThreadPool(transactions);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int i = 0; i < transactions; i++) {
                int n = i;
                done.add(pool.submit((Callable<Void>) () -> {
                    boolean war = n % 2 == 1;
                    try (Connection transaction = war ? DB.transaction() : DB.connect()) {
                        transaction.setAutoCommit(false); // the other application's keeps InnoDB's default isolation
                        together.await(10, TimeUnit.SECONDS);
                        var append = Json.createObjectBuilder().add("kind", "INSERTED").add("event", Json.createObjectBuilder().add("id", 1000 + n)).build();
                        if (war) DB.changeLog(transaction).markWritesAsTheWars(); // as the WAR's first touch of an event does
                        if (war && n % 4 == 3) DB.changeLog(transaction).append(stream, append);
                        transaction.createStatement().execute(insert(1000 + n, calendar, "row " + n));
                        if (war && n % 4 == 1) DB.changeLog(transaction).append(stream, append);
                        transaction.commit();
                    }
                    return null;
                }));
            }
            for (var each : done) each.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        var logged = DB.changeLog().after(stream, 0, 1000);
        assertEquals(LongStream.rangeClosed(1, transactions).boxed().toList(), logged.stream().map(LoggedChange::seq).toList(), "no gap, no duplicate");
        assertEquals(LongStream.range(0, transactions).map(n -> 1000 + n).boxed().toList(),
                logged.stream().map(c -> c.payload().getJsonObject("event").getJsonNumber("id").longValue()).sorted().toList(),
                "every row numbered once, by the WAR or by the trigger");
        assertEquals(transactions, DB.changeLog().lastSeq(stream));
    }

    @Test
    void aTableWithItsOwnColumnNamesIsLoggedUnderTheEventsNames() {
        String room = "room-" + UUID.randomUUID();
        CLIENT.sql("CREATE TABLE company_bookings (booking_no BIGINT AUTO_INCREMENT PRIMARY KEY, room VARCHAR(64) NOT NULL,"
                + " starts_at DATETIME NOT NULL, ends_at DATETIME NOT NULL, title TEXT NOT NULL, repeat_rule VARCHAR(200),"
                + " repeat_length BIGINT, series_no BIGINT, replaces DATETIME, cancelled BOOLEAN NOT NULL DEFAULT FALSE,"
                + " legacy_repeat VARCHAR(64), legacy_parent BIGINT, legacy_length BIGINT, extras TEXT, row_version BIGINT NOT NULL DEFAULT 1)"
                + " CHARACTER SET latin1");
        try {
            CLIENT.outsideWrites("--table", "company_bookings", "--columns", "id=booking_no,calendar=room,startDate=starts_at,endDate=ends_at,"
                    + "text=title,rrule=repeat_rule,duration=repeat_length,recurringEventId=series_no,originalStart=replaces,deleted=cancelled,"
                    + "recType=legacy_repeat,eventPid=legacy_parent,eventLength=legacy_length,customFields=extras,version=row_version");
            CLIENT.sql("INSERT INTO company_bookings (room, starts_at, ends_at, title, extras, row_version, cancelled) VALUES ('" + room
                    + "', '2025-04-01 08:00', '2025-04-01 09:00', 'booked elsewhere', '{\"color\":\"blue\"}', 5, TRUE)");
            var logged = logOf(room);
            assertEquals(1, logged.size());
            var event = logged.get(0).event();
            assertEquals("booked elsewhere", event.text());
            assertEquals(room, event.calendar());
            assertEquals(LocalDateTime.of(2025, 4, 1, 8, 0), event.startDate());
            assertEquals("blue", event.customFields().getString("color"));
            assertEquals(5, event.version());
            assertEquals(true, event.deleted());
            assertTrue(event.id() > 0, "the AUTO_INCREMENT column's number");
        } finally {
            CLIENT.outsideWrites("--remove", "--table", "company_bookings");
        }
        CLIENT.sql("INSERT INTO company_bookings (room, starts_at, ends_at, title) VALUES ('" + room + "', '2025-04-02 08:00', '2025-04-02 09:00', 'after')");
        assertEquals(1, logOf(room).size(), "removed: no longer numbered");
        assertEquals("0", scalar("SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = DATABASE()"
                + " AND routine_name = 'liveupdate_log_company_bookings'"), "its procedure gone too");
        CLIENT.sql("DROP TABLE company_bookings");
        assertEquals("3", scalar("SELECT COUNT(*) FROM information_schema.triggers WHERE trigger_schema = DATABASE()"
                + " AND event_object_table = 'scheduler_event'"), "scheduler_event's triggers stay");
    }

    @Test
    void customFieldColumnsJoinTheCustomFieldsOverTheJsonColumnsAndANullOneIsLeftOut() {
        String room = "room-" + UUID.randomUUID();
        // a latin1 text column beside the utf8mb4 JSON one: each column's value is merged on its own
        CLIENT.sql("CREATE TABLE custom_bookings LIKE scheduler_event");
        CLIENT.sql("ALTER TABLE custom_bookings ADD COLUMN colour VARCHAR(32) CHARACTER SET latin1, ADD COLUMN heads INT,"
                + " ADD COLUMN note VARCHAR(64)");
        try {
            CLIENT.outsideWrites("--table", "custom_bookings", "--custom-columns", "colour,attendees=heads,note");
            CLIENT.sql("INSERT INTO custom_bookings (id, calendar, start_date, end_date, text, custom_fields, colour, heads) VALUES (1, '"
                    + room + "', '2025-04-01 08:00', '2025-04-01 09:00', 'booked elsewhere', '{\"colour\":\"stale\",\"section_id\":1}', 'red', 4)");
            CLIENT.sql("UPDATE custom_bookings SET colour = NULL, note = 'bring slides' WHERE id = 1");
            var logged = logOf(room);
            assertEquals(2, logged.size());
            assertEquals(Json.createObjectBuilder().add("colour", "red").add("section_id", 1).add("attendees", 4).build(),
                    logged.get(0).event().customFields(), "the columns over the JSON column's field of their name, a NULL one left out");
            assertEquals(Json.createObjectBuilder().add("section_id", 1).add("attendees", 4).add("note", "bring slides").build(),
                    logged.get(1).event().customFields(), "a column set to NULL takes its field away, the JSON's too");
        } finally {
            CLIENT.outsideWrites("--remove", "--table", "custom_bookings");
            CLIENT.sql("DROP TABLE custom_bookings");
        }
        var unsafe = assertThrows(IllegalStateException.class, () -> CLIENT.outsideWrites("--custom-columns", "colour=x`y"));
        assertTrue(unsafe.getMessage().contains("not a plain table or column name"), unsafe.getMessage());
    }

    @Test
    void aMisspeltAttributeOrAnUnsafeNameIsRefusedBeforeAnythingIsInstalled() {
        var misspelt = assertThrows(IllegalStateException.class, () -> CLIENT.outsideWrites("--columns", "startdate=starts_at"));
        assertTrue(misspelt.getMessage().contains("names no attribute of the event: startdate"), misspelt.getMessage());
        var unsafe = assertThrows(IllegalStateException.class, () -> CLIENT.outsideWrites("--table", "x`; DROP TABLE change_log; --"));
        assertTrue(unsafe.getMessage().contains("not a plain table or column name"), unsafe.getMessage());
        assertEquals("1", scalar("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'change_log'"));
    }

    @Test
    void aCalendarOnlyOtherClientsWriteIsTrimmedAsTheWarTrimsItsOwn() {
        String calendar = "trimmed-" + UUID.randomUUID();
        CLIENT.outsideWrites("--max-entries", "10");
        try {
            CLIENT.sql("INSERT INTO scheduler_event (id, calendar, start_date, end_date, text) SELECT 2000 + seq, '" + calendar
                    + "', '2025-03-03 09:00', '2025-03-03 10:00', CONCAT('row ', seq) FROM seq_1_to_100");
        } finally {
            CLIENT.outsideWrites();
        }
        var log = DB.changeLog();
        assertEquals(100, log.lastSeq(ChangeRecords.streamOf(calendar)), "one statement, a number per row");
        assertEquals(91, log.firstKept(ChangeRecords.streamOf(calendar)).getAsLong(), "the 10 newest kept at the 100th");
    }

    @Test
    void onlyTheCalendarNamedIsNumbered() {
        String named = "named-" + UUID.randomUUID();
        String other = "other-" + UUID.randomUUID();
        CLIENT.outsideWrites("--calendar", named);
        try {
            CLIENT.sql(insert(3001, named, "numbered") + ";" + insert(3002, other, "not numbered"));
        } finally {
            CLIENT.outsideWrites();
        }
        assertEquals(1, logOf(named).size());
        assertEquals(0, logOf(other).size());
    }

    /** The one value a query answers, as the client prints it (its first line is the column's name). */
    private static String scalar(String query) {
        return CLIENT.sql(query).lines().skip(1).findFirst().orElseThrow();
    }

    private static List<EventChanged> logOf(String calendar) {
        return DB.changeLog().after(ChangeRecords.streamOf(calendar), 0, 1000).stream().map(ChangeRecords::fromJson).toList();
    }

    private static String insert(long id, String calendar, String text) {
        return "INSERT INTO scheduler_event (id, calendar, start_date, end_date, text) VALUES (" + id + ", '" + calendar
                + "', '2025-03-02 09:00', '2025-03-02 10:00', '" + text + "')";
    }
}
