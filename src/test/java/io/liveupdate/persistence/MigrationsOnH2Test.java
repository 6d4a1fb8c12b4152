package io.liveupdate.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The README's start command runs on WildFly's embedded H2 (ExampleDS), which no Arquillian test uses: every migration
 * in {@code db-migrations/} must apply there too, with the placeholders {@link SchemaMigrator} gives H2.
 */
class MigrationsOnH2Test {

    /** ExampleDS's URL, in a database of this test's own. */
    private static final String URL = "jdbc:h2:mem:migrations-on-h2;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";

    @Test
    void everyMigrationAppliesOnTheEmbeddedDefault() throws SQLException {
        var result = Flyway.configure()
                .dataSource(URL, "sa", "sa")
                // db-migrations/ without its mariadb/ folder, as the build puts it into the WAR
                .locations("classpath:db/migration")
                .placeholders(SchemaMigrator.placeholdersFor("H2"))
                .load()
                .migrate();

        assertEquals(newestMigration(), Integer.parseInt(result.targetSchemaVersion), "migrated to the newest file");
        try (Connection db = DriverManager.getConnection(URL, "sa", "sa"); var rows = db.createStatement().executeQuery(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) IN ('scheduler_event', 'change_log', 'change_stream')")) {
            rows.next();
            assertEquals(3, rows.getInt(1), "the tables the demo needs exist");
        }
    }

    /** A company's database with a table of its own (a mapped calendar): ours are created next to it, theirs kept. */
    @Test
    void aDatabaseWithTheCompanysTablesGetsEveryMigrationToo() throws SQLException {
        String url = "jdbc:h2:mem:migrations-next-to-theirs;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE";
        try (Connection db = DriverManager.getConnection(url, "sa", "sa")) {
            db.createStatement().execute("CREATE TABLE company_bookings (booking_no BIGINT PRIMARY KEY, title VARCHAR(100))");
            db.createStatement().execute("INSERT INTO company_bookings VALUES (1, 'theirs')");
        }

        var result = SchemaMigrator.configuration(getClass().getClassLoader(), "H2").dataSource(url, "sa", "sa").load().migrate();

        assertEquals(newestMigration(), Integer.parseInt(result.targetSchemaVersion), "every migration ran");
        try (Connection db = DriverManager.getConnection(url, "sa", "sa");
                var rows = db.createStatement().executeQuery("SELECT title FROM company_bookings WHERE booking_no = 1")) {
            assertTrue(rows.next());
            assertEquals("theirs", rows.getString(1));
        }
    }

    private static int newestMigration() {
        String[] files = new File("db-migrations").list((dir, name) -> name.matches("V\\d+__.*\\.sql"));
        assertTrue(files != null && files.length > 0, "db-migrations/ holds migrations");
        return Arrays.stream(files).mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__")))).max().orElseThrow();
    }
}
