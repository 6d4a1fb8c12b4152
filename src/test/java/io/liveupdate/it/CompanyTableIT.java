package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.Management;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * A calendar on a company's own table (docs/databases.md "A table of your own"): the documented example table
 * (server-config/company-table/company-bookings.sql, foreign names, an identity id) and mapping
 * (server-config/company-table/orm.xml), given to the unchanged WAR by two server system properties. A copy of the
 * WAR at /company, deployed after the properties are set and undeployed before they are removed, so no other test
 * sees them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompanyTableIT {

    private static final String NAME = "company";
    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final Path EXAMPLE = Path.of(System.getProperty("project.root", "."), "server-config", "company-table");

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive companyWar() {
        File war = new File(System.getProperty("war.file", "target/live-update.war"));
        return ShrinkWrap.create(ZipImporter.class, NAME + ".war").importFrom(war).as(WebArchive.class)
                .addAsWebInfResource(new StringAsset("<jboss-web xmlns=\"urn:jboss:jakartaee:1.0\" version=\"15.0\">"
                        + "<context-root>/" + NAME + "</context-root></jboss-web>"), "jboss-web.xml");
    }

    @Test
    void aCalendarOnACompanysTableLoadsSavesInEveryModeAndGoesLive() throws Exception {
        String room = "room" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        long existing;
        try (Connection db = ClusterChecks.database()) {
            db.createStatement().execute("DROP TABLE IF EXISTS company_bookings");
            db.createStatement().execute(Files.readString(EXAMPLE.resolve("company-bookings.sql")));
            try (var insert = db.prepareStatement("INSERT INTO company_bookings (room, starts_at, ends_at, title, extras)"
                    + " VALUES (?, TIMESTAMP '2025-04-01 08:00', TIMESTAMP '2025-04-01 09:00', 'booked elsewhere', '{\"color\":\"red\"}')"
                    + " RETURNING booking_no")) {
                insert.setString(1, room);
                try (var rows = insert.executeQuery()) {
                    rows.next();
                    existing = rows.getLong(1);
                }
            }
        }
        Management.systemProperty("eclipselink.metadata-source", "XML");
        Management.systemProperty("eclipselink.metadata-source.xml.url", EXAMPLE.resolve("orm.xml").toUri().toString());
        try {
            deployer.deploy(NAME);
            try {
                String base = "http://127.0.0.1:" + (8080 + Integer.getInteger("it.port.offset", 0)) + "/" + NAME + "/";
                onTheCompanyTable(new Http(URI.create(base)), base, room, existing);
            } finally {
                deployer.undeploy(NAME);
            }
        } finally {
            Management.removeSystemProperty("eclipselink.metadata-source");
            Management.removeSystemProperty("eclipselink.metadata-source.xml.url");
            try (Connection db = ClusterChecks.database()) {
                db.createStatement().execute("DROP TABLE IF EXISTS company_bookings");
            }
        }
    }

    private void onTheCompanyTable(Http http, String base, String room, long existing) throws SQLException {
        String url = "api/calendars/" + room + "/events";
        String channel = "/calendars/" + room + "/update";
        var loaded = Http.json(http.get(url)).getJsonArray("data");
        assertEquals(1, loaded.size(), loaded.toString());
        assertEquals("booked elsewhere", loaded.getJsonObject(0).getString("text"));
        assertEquals("red", loaded.getJsonObject(0).getString("color"), "the table's JSON column holds the custom fields");
        assertEquals(existing, loaded.getJsonObject(0).getJsonNumber("id").longValue());

        try (var page = FayeClient.start("company")) {
            page.connect(base + "sync", WEBSOCKET);
            page.subscribe(channel);

            var json = Http.json(http.post(url + "?editing=true", Http.JSON, "{\"id\":1712345678901,\"action\":\"inserted\","
                    + "\"data\":{\"start_date\":\"2025-04-02 09:00\",\"end_date\":\"2025-04-02 10:00\",\"text\":\"json mode\",\"color\":\"blue\"}}"));
            long inserted = json.getJsonNumber("tid").longValue();
            page.awaitMessage(channel, ClusterChecks.status(inserted, "inserted"), WITHIN);

            var put = Http.json(http.put(url + "/" + inserted, Http.JSON,
                    "{\"start_date\":\"2025-04-02 11:00\",\"end_date\":\"2025-04-02 12:00\",\"text\":\"rest, moved\"}"));
            assertEquals("updated", put.getString("action"));
            page.awaitMessage(channel, ClusterChecks.status(inserted, "updated"), WITHIN);

            Map<String, String> form = new LinkedHashMap<>();
            form.put("ids", Long.toString(existing));
            form.put(existing + "_id", Long.toString(existing));
            form.put(existing + "_!nativeeditor_status", "updated");
            form.put(existing + "_start_date", "2025-04-01 08:30");
            form.put(existing + "_end_date", "2025-04-01 09:30");
            form.put(existing + "_text", "legacy post");
            var legacy = Http.xml(http.post(url + "?editing=true", Http.FORM, TestCalendar.form(form)));
            assertEquals("updated", ((Element) legacy.getElementsByTagName("action").item(0)).getAttribute("type"));
            page.awaitMessage(channel, ClusterChecks.status(existing, "updated"), WITHIN);

            assertEquals("deleted", Http.json(http.delete(url + "/" + inserted)).getString("action"));
            page.awaitMessage(channel, ClusterChecks.status(inserted, "deleted"), WITHIN);
        }

        try (Connection db = ClusterChecks.database(); var select = db.prepareStatement(
                "SELECT booking_no, title, starts_at, row_version FROM company_bookings WHERE room = ? ORDER BY booking_no")) {
            select.setString(1, room);
            try (var rows = select.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(existing, rows.getLong(1));
                assertEquals("legacy post", rows.getString(2), "saved into the company's own columns");
                assertEquals("2025-04-01T08:30", rows.getTimestamp(3).toLocalDateTime().toString());
                assertEquals(2, rows.getLong(4), "the table's version column counts the WAR's update");
                assertFalse(rows.next(), "the deleted row is gone");
            }
            try (var mine = db.prepareStatement("SELECT COUNT(*) FROM scheduler_event WHERE calendar = ?")) {
                mine.setString(1, room);
                try (var rows = mine.executeQuery()) {
                    rows.next();
                    assertEquals(0, rows.getInt(1), "nothing went to the WAR's own table");
                }
            }
        }
    }
}
