package io.liveupdate.it.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * The documented example of a company's own table (server-config/company-table/, docs/own-table.md), set up as a
 * newcomer does: the company's script for the run's database creates the table, and the server is given the WAR's
 * mapping by two system properties, which every EclipseLink deployment made afterwards reads.
 */
public final class CompanyTable {

    public static final String NAME = "company_bookings";
    public static final Path EXAMPLE = Path.of(System.getProperty("project.root", "."), "server-config", "company-table");

    /** How the table makes its ids, with the example's files for each. */
    public enum Ids {
        /** An identity column (PostgreSQL) or AUTO_INCREMENT (MariaDB): company-bookings*.sql and orm.xml. */
        IDENTITY("orm.xml", null),
        /** A sequence of the company's, starting at 1000: sequence-ids*.sql on top, and orm-sequence-ids.xml. */
        SEQUENCE("orm-sequence-ids.xml", "sequence-ids"),
        /**
         * Identity ids as IDENTITY, and custom fields in columns of their own (colour, attendees, confirmed):
         * custom-columns*.sql on top, and orm-custom-columns.xml.
         */
        CUSTOM_COLUMNS("orm-custom-columns.xml", "custom-columns");

        private final String mapping;
        private final String variant;

        Ids(String mapping, String variant) {
            this.mapping = mapping;
            this.variant = variant;
        }

        public Path mapping() {
            return EXAMPLE.resolve(mapping);
        }
    }

    private CompanyTable() {
    }

    /** Creates the example table afresh in the run's database, its ids made as {@code ids} says. */
    public static void create(Ids ids) throws SQLException {
        drop();
        try (Connection db = RunDatabase.connect()) {
            RunDatabase.runScript(db, script("company-bookings"));
            if (ids.variant != null) RunDatabase.runScript(db, script(ids.variant));
        }
    }

    public static void drop() throws SQLException {
        try (Connection db = RunDatabase.connect()) {
            db.createStatement().execute("DROP TABLE IF EXISTS " + NAME);
            db.createStatement().execute("DROP SEQUENCE IF EXISTS company_bookings_seq");
        }
    }

    /** A booking inserted as another application does, the id left to the table; returns that id. */
    public static long insert(Connection db, String room, String title, String extras) throws SQLException {
        // INSERT ... RETURNING: PostgreSQL, and MariaDB since 10.5 (its generated keys miss a sequence default)
        try (var insert = db.prepareStatement("INSERT INTO " + NAME + " (room, starts_at, ends_at, title, extras) VALUES"
                + " (?, TIMESTAMP '2025-04-01 08:00:00', TIMESTAMP '2025-04-01 09:00:00', ?, ?) RETURNING booking_no")) {
            insert.setString(1, room);
            insert.setString(2, title);
            // PostgreSQL's jsonb takes no varchar parameter, MariaDB's JSON is text
            if (RunDatabase.isMariaDb()) insert.setString(3, extras);
            else insert.setObject(3, extras, Types.OTHER);
            try (var rows = insert.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Gives the server the mapping: deployments made from now on put the calendars in the company's table. */
    public static void map(Ids ids) throws IOException {
        Management.systemProperty("eclipselink.metadata-source", "XML");
        Management.systemProperty("eclipselink.metadata-source.xml.url", ids.mapping().toUri().toString());
    }

    public static void unmap() throws IOException {
        Management.removeSystemProperty("eclipselink.metadata-source");
        Management.removeSystemProperty("eclipselink.metadata-source.xml.url");
    }

    /**
     * The column of each attribute orm.xml maps, as the outside-writes scripts take them ({@code -v columns=...}):
     * read from the mapping itself, so the triggers and the WAR can never disagree on a name.
     */
    public static String columns(Ids ids) throws Exception {
        var orm = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ids.mapping().toFile());
        var json = new StringJoiner(",", "{", "}");
        var columns = orm.getElementsByTagName("column");
        for (int i = 0; i < columns.getLength(); i++) {
            var column = (Element) columns.item(i);
            var attribute = (Element) column.getParentNode();
            json.add("\"" + attribute.getAttribute("name") + "\":\"" + column.getAttribute("name") + "\"");
        }
        return json.toString();
    }

    /**
     * Installs the outside-writes triggers on the table for one calendar, as docs/own-table.md tells a DBA: psql with
     * postgres.sql, or mariadb.sh piped into the mariadb client; the columns as orm.xml maps them, and the custom
     * field columns given (none for the JSON column alone).
     */
    public static void numberOutsideWrites(String calendar, String... customColumns) throws Exception {
        String columns = columns(Ids.IDENTITY);
        if (RunDatabase.isMariaDb()) {
            var options = new ArrayList<>(List.of("--table", NAME, "--calendar", calendar, "--columns", asOptionList(columns)));
            if (customColumns.length > 0) options.addAll(List.of("--custom-columns", String.join(",", customColumns)));
            MariaDbClient.ofTheRun().outsideWrites(options.toArray(String[]::new));
        } else {
            var variables = new ArrayList<>(List.of("table=" + NAME, "calendar=" + calendar, "columns=" + columns));
            if (customColumns.length > 0) {
                variables.add(Arrays.stream(customColumns).map(c -> "\"" + c + "\"").collect(Collectors.joining(",", "custom_columns=[", "]")));
            }
            psql("postgres.sql", variables.toArray(String[]::new));
        }
    }

    /** Takes the table's outside-writes triggers out again. */
    public static void stopNumberingOutsideWrites() {
        if (RunDatabase.isMariaDb()) MariaDbClient.ofTheRun().outsideWrites("--remove", "--table", NAME);
        else psql("postgres-remove.sql", "table=" + NAME);
    }

    /** The columns as postgres.sql takes them ({"startDate":"starts_at",..}) as mariadb.sh does (startDate=starts_at,..). */
    private static String asOptionList(String columnsJson) {
        JsonObject columns = Json.createReader(new StringReader(columnsJson)).readObject();
        return columns.keySet().stream().map(attribute -> attribute + "=" + columns.getString(attribute)).collect(Collectors.joining(","));
    }

    private static void psql(String script, String... variables) {
        Psql.run(Psql.databaseOf(System.getProperty("it.db.url")), System.getProperty("it.db.user", "postgres"),
                Psql.OUTSIDE_WRITES.resolve(script), variables);
    }

    private static Path script(String name) {
        return EXAMPLE.resolve(name + (RunDatabase.isMariaDb() ? "-mariadb" : "") + ".sql");
    }
}
