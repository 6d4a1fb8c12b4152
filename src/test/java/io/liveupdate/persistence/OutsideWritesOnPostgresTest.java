package io.liveupdate.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveupdate.calendar.ChangeRecords;
import io.liveupdate.calendar.EventChanged;
import io.liveupdate.it.support.Psql;
import jakarta.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * server-config/outside-writes/postgres.sql on the local PostgreSQL, in a database of this test's own with every
 * migration: another client's writes are logged as {@link ChangeLog} logs the WAR's (read back by
 * {@link ChangeRecords#fromJson}, the doorbell rung), and a transaction that {@link ChangeLog#append}s is not logged
 * twice, whether it wrote the row before or after appending.
 */
class OutsideWritesOnPostgresTest {

    private static final ScratchDatabase DB = ScratchDatabase.onPostgres("lu_outside_writes");
    private static final Path COMPANY_TABLE = Path.of("server-config", "company-table", "company-bookings.sql");

    @BeforeAll
    static void createDatabase() throws SQLException {
        DB.create();
        Psql.run(DB.name, "postgres", Psql.OUTSIDE_WRITES.resolve("postgres.sql"));
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        DB.drop();
    }

    @Test
    void anotherClientsInsertUpdateAndDeleteAreLoggedAsTheWarLogsItsOwnAndRingTheDoorbell() throws Exception {
        String calendar = "outside-" + UUID.randomUUID();
        try (Connection listener = DB.connect(); Connection db = DB.connect()) {
            listener.createStatement().execute("LISTEN " + ChangeLog.DOORBELL);
            db.createStatement().execute("INSERT INTO scheduler_event (id, calendar, start_date, end_date, text, custom_fields)"
                    + " VALUES (7, '" + calendar + "', TIMESTAMP '2025-03-01 09:00', TIMESTAMP '2025-03-01 10:30', 'theirs', '{\"color\":\"red\"}')");
            db.createStatement().execute("UPDATE scheduler_event SET text = 'theirs, moved', version = version + 1 WHERE id = 7");
            db.createStatement().execute("DELETE FROM scheduler_event WHERE id = 7");

            List<EventChanged> logged = DB.changeLog().after(ChangeRecords.streamOf(calendar), 0, 10).stream().map(ChangeRecords::fromJson).toList();
            assertEquals(List.of("INSERTED theirs 1", "UPDATED theirs, moved 2", "DELETED theirs, moved 2"),
                    logged.stream().map(c -> c.kind() + " " + c.event().text() + " " + c.event().version()).toList());
            var inserted = logged.get(0);
            assertEquals(List.of(1L, 2L, 3L), logged.stream().map(EventChanged::seq).toList());
            assertEquals(7L, inserted.event().id());
            assertEquals(LocalDateTime.of(2025, 3, 1, 10, 30), inserted.event().endDate());
            assertEquals("red", inserted.event().customFields().getString("color"));

            String epoch = DB.changeLog().head(ChangeRecords.streamOf(calendar)).epoch();
            listener.createStatement().execute("SELECT 1"); // notifications arrive with a round trip
            var bells = Arrays.stream(listener.unwrap(PGConnection.class).getNotifications()).map(n -> n.getParameter()).toList();
            assertEquals(List.of(1L, 2L, 3L).stream().map(seq -> ChangeLog.doorbell(ChangeRecords.streamOf(calendar), seq, epoch)).toList(), bells);
        }
    }

    @Test
    void theWarsOwnSaveIsLoggedOnceWhetherItWritesTheRowBeforeOrAfterAppending() throws Exception {
        String calendar = "war-" + UUID.randomUUID();
        String stream = ChangeRecords.streamOf(calendar);
        try (Connection transaction = DB.connect()) {
            transaction.setAutoCommit(false);
            var log = DB.changeLog(transaction);
            transaction.createStatement().execute(insert(8, calendar, "row first"));
            log.append(stream, Json.createObjectBuilder().add("by", "war").build());
            log.append(stream, Json.createObjectBuilder().add("by", "war").build());
            transaction.createStatement().execute(insert(9, calendar, "row after"));
            transaction.commit();
        }
        assertEquals(2, DB.changeLog().lastSeq(stream), "the WAR's two appends, nothing from the triggers");
        try (Connection db = DB.connect()) {
            db.createStatement().execute("UPDATE scheduler_event SET version = version + 1 WHERE id = 9");
        }
        assertEquals(3, DB.changeLog().lastSeq(stream), "the next transaction without the mark is another client's");
    }

    @Test
    void aCompanyTableWithItsOwnColumnNamesIsLoggedUnderTheEventsNames() throws Exception {
        String room = "room-" + UUID.randomUUID();
        try (Connection db = DB.connect()) {
            db.createStatement().execute(Files.readString(COMPANY_TABLE));
            Psql.run(DB.name, "postgres", Psql.OUTSIDE_WRITES.resolve("postgres.sql"), "table=company_bookings", "columns="
                    + "{\"id\":\"booking_no\",\"calendar\":\"room\",\"startDate\":\"starts_at\",\"endDate\":\"ends_at\",\"text\":\"title\","
                    + "\"rrule\":\"repeat_rule\",\"duration\":\"repeat_length\",\"recurringEventId\":\"series_no\",\"originalStart\":\"replaces\","
                    + "\"deleted\":\"cancelled\",\"recType\":\"legacy_repeat\",\"eventPid\":\"legacy_parent\",\"eventLength\":\"legacy_length\","
                    + "\"customFields\":\"extras\",\"version\":\"row_version\"}");
            try {
                db.createStatement().execute("INSERT INTO company_bookings (room, starts_at, ends_at, title, extras, row_version)"
                        + " VALUES ('" + room + "', TIMESTAMP '2025-04-01 08:00', TIMESTAMP '2025-04-01 09:00', 'booked elsewhere', '{\"color\":\"blue\"}', 5)");
                var logged = DB.changeLog().after(ChangeRecords.streamOf(room), 0, 10).stream().map(ChangeRecords::fromJson).toList();
                assertEquals(1, logged.size());
                var event = logged.get(0).event();
                assertEquals("booked elsewhere", event.text());
                assertEquals(room, event.calendar());
                assertEquals(LocalDateTime.of(2025, 4, 1, 8, 0), event.startDate());
                assertEquals("blue", event.customFields().getString("color"));
                assertEquals(5, event.version());
                assertTrue(event.id() > 0, "the identity column's number");
            } finally {
                Psql.run(DB.name, "postgres", Psql.OUTSIDE_WRITES.resolve("postgres-remove.sql"), "table=company_bookings");
                db.createStatement().execute("DROP TABLE company_bookings");
            }
        }
        try (Connection db = DB.connect(); var rows = db.createStatement().executeQuery(
                "SELECT COUNT(*) FROM pg_proc WHERE proname LIKE 'liveupdate%'")) {
            rows.next();
            assertEquals(4, rows.getInt(1), "the functions stay while scheduler_event's trigger uses them");
        }
    }

    @Test
    void customFieldColumnsJoinTheCustomFieldsOverTheJsonColumnsAndANullOneIsLeftOut() throws Exception {
        String room = "room-" + UUID.randomUUID();
        try (Connection db = DB.connect()) {
            db.createStatement().execute("CREATE TABLE custom_bookings (LIKE scheduler_event INCLUDING DEFAULTS);"
                    + " ALTER TABLE custom_bookings ADD COLUMN colour VARCHAR(32), ADD COLUMN heads INTEGER, ADD COLUMN confirmed BOOLEAN");
            Psql.run(DB.name, "postgres", Psql.OUTSIDE_WRITES.resolve("postgres.sql"), "table=custom_bookings",
                    "custom_columns={\"colour\":\"colour\",\"attendees\":\"heads\",\"confirmed\":\"confirmed\"}");
            try {
                db.createStatement().execute("INSERT INTO custom_bookings (id, calendar, start_date, end_date, text, custom_fields, colour, heads)"
                        + " VALUES (1, '" + room + "', TIMESTAMP '2025-04-01 08:00', TIMESTAMP '2025-04-01 09:00', 'booked elsewhere',"
                        + " '{\"colour\":\"stale\",\"section_id\":1}', 'red', 4)");
                db.createStatement().execute("UPDATE custom_bookings SET colour = NULL, confirmed = TRUE WHERE calendar = '" + room + "'");
                var logged = DB.changeLog().after(ChangeRecords.streamOf(room), 0, 10).stream().map(ChangeRecords::fromJson).toList();
                assertEquals(2, logged.size());
                assertEquals(Json.createObjectBuilder().add("colour", "red").add("section_id", 1).add("attendees", 4).build(),
                        logged.get(0).event().customFields(), "the columns over the JSON column's field of their name, a NULL one left out");
                assertEquals(Json.createObjectBuilder().add("section_id", 1).add("attendees", 4).add("confirmed", true).build(),
                        logged.get(1).event().customFields(), "a column set to NULL takes its field away, the JSON's too");
            } finally {
                Psql.run(DB.name, "postgres", Psql.OUTSIDE_WRITES.resolve("postgres-remove.sql"), "table=custom_bookings");
                db.createStatement().execute("DROP TABLE custom_bookings");
            }
        }
        var refused = assertThrows(IllegalStateException.class, () -> Psql.run(DB.name, "postgres",
                Psql.OUTSIDE_WRITES.resolve("postgres.sql"), "custom_columns=\"colour\""));
        assertTrue(refused.getMessage().contains("custom_columns must be a JSON array of names or an object"), refused.getMessage());
    }

    @Test
    void aCalendarOnlyOtherClientsWriteIsTrimmedAsTheWarTrimsItsOwn() throws Exception {
        String calendar = "trimmed-" + UUID.randomUUID();
        Psql.run(DB.name, "postgres", Psql.OUTSIDE_WRITES.resolve("postgres.sql"), "max_entries=10");
        try (Connection db = DB.connect()) {
            db.createStatement().execute("INSERT INTO scheduler_event (id, calendar, start_date, end_date, text) SELECT 1000 + n, '"
                    + calendar + "', TIMESTAMP '2025-03-03 09:00', TIMESTAMP '2025-03-03 10:00', 'row ' || n FROM generate_series(1, 100) n");
        } finally {
            Psql.run(DB.name, "postgres", Psql.OUTSIDE_WRITES.resolve("postgres.sql"));
        }
        var log = DB.changeLog();
        assertEquals(100, log.lastSeq(ChangeRecords.streamOf(calendar)), "one transaction, a number per row");
        assertEquals(91, log.firstKept(ChangeRecords.streamOf(calendar)).getAsLong(), "the 10 newest kept at the 100th");
    }

    private static String insert(long id, String calendar, String text) {
        return "INSERT INTO scheduler_event (id, calendar, start_date, end_date, text) VALUES (" + id + ", '" + calendar
                + "', TIMESTAMP '2025-03-02 09:00', TIMESTAMP '2025-03-02 10:00', '" + text + "')";
    }
}
