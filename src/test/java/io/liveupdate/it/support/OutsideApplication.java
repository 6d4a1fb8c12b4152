package io.liveupdate.it.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Another application writing the WAR's {@code scheduler_event} with its own SQL, on the database of the run
 * ({@code it.datasource}): on PostgreSQL over JDBC, with server-config/outside-writes/postgres.sql installed by psql;
 * on MariaDB with the {@code mariadb} command-line client, after server-config/outside-writes/mariadb.sh. Ids come
 * from the table's sequence: EclipseLink takes the 50 ids up to each number it draws, so the number itself is free.
 */
public interface OutsideApplication {

    /** The run's: MariaDB on the build's MariaDB execution, PostgreSQL otherwise. */
    static OutsideApplication ofTheRun() {
        return System.getProperty("it.datasource", "").contains("MariaDB") ? new MariaDb(MariaDbClient.ofTheRun()) : new Postgres();
    }

    /** Installs the triggers that number this calendar's outside writes (only this one: the run's database is every IT's). */
    void numberChangesOf(String calendar);

    /** Takes the triggers out again. */
    void stopNumbering();

    long insert(String calendar, String text);

    /** As a well-behaved application does: counts the version, so the WAR's optimistic check sees the change. */
    void update(long id, String text);

    void delete(long id);

    final class Postgres implements OutsideApplication {

        @Override
        public void numberChangesOf(String calendar) {
            psql("postgres.sql", "calendar=" + calendar);
        }

        @Override
        public void stopNumbering() {
            psql("postgres-remove.sql");
        }

        @Override
        public long insert(String calendar, String text) {
            try (Connection db = database(); var insert = db.prepareStatement("INSERT INTO scheduler_event (id, calendar, start_date, end_date, text)"
                    + " VALUES (nextval('scheduler_event_seq'), ?, TIMESTAMP '2025-05-08 09:00', TIMESTAMP '2025-05-08 10:00', ?) RETURNING id")) {
                insert.setString(1, calendar);
                insert.setString(2, text);
                try (var rows = insert.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void update(long id, String text) {
            try (Connection db = database(); var update = db.prepareStatement("UPDATE scheduler_event SET text = ?, version = version + 1 WHERE id = ?")) {
                update.setString(1, text);
                update.setLong(2, id);
                if (update.executeUpdate() != 1) throw new AssertionError("event " + id + " not updated");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void delete(long id) {
            try (Connection db = database(); var delete = db.prepareStatement("DELETE FROM scheduler_event WHERE id = ?")) {
                delete.setLong(1, id);
                delete.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Connection database() throws SQLException {
            return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"), "");
        }

        private static void psql(String script, String... variables) {
            Psql.run(Psql.databaseOf(System.getProperty("it.db.url")), System.getProperty("it.db.user", "postgres"),
                    Psql.OUTSIDE_WRITES.resolve(script), variables);
        }
    }

    /** Every write a run of the {@code mariadb} client of its own, as a DBA types it. */
    final class MariaDb implements OutsideApplication {

        private final MariaDbClient client;

        MariaDb(MariaDbClient client) {
            this.client = client;
        }

        @Override
        public void numberChangesOf(String calendar) {
            client.outsideWrites("--calendar", calendar);
        }

        @Override
        public void stopNumbering() {
            client.outsideWrites("--remove");
        }

        @Override
        public long insert(String calendar, String text) {
            String output = client.sql("INSERT INTO scheduler_event (id, calendar, start_date, end_date, text) VALUES (NEXTVAL(scheduler_event_seq), "
                    + literal(calendar) + ", '2025-05-08 09:00', '2025-05-08 10:00', " + literal(text) + ") RETURNING id;");
            return Long.parseLong(output.lines().skip(1).findFirst().orElseThrow(() -> new AssertionError("no id in " + output)).trim());
        }

        @Override
        public void update(long id, String text) {
            String output = client.sql("UPDATE scheduler_event SET text = " + literal(text) + ", version = version + 1 WHERE id = " + id + "; SELECT ROW_COUNT();");
            if (!output.lines().skip(1).findFirst().orElse("").trim().equals("1")) throw new AssertionError("event " + id + " not updated: " + output);
        }

        @Override
        public void delete(long id) {
            client.sql("DELETE FROM scheduler_event WHERE id = " + id + ";");
        }

        private static String literal(String text) {
            return "'" + text.replace("\\", "\\\\").replace("'", "''") + "'";
        }
    }
}
