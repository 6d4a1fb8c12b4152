package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.CompanyTable;
import io.liveupdate.it.support.RunDatabase;
import io.liveupdate.it.support.WarCopy;
import java.net.URI;
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
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * A calendar on a company's own table (docs/own-table.md): the documented example table
 * (server-config/company-table/company-bookings.sql, or company-bookings-mariadb.sql in the MariaDB run: foreign
 * names) and mapping (orm.xml), given to the unchanged WAR by two server system properties; once with the table's
 * identity/AUTO_INCREMENT ids, once with ids from a sequence of the company's (sequence-ids*.sql,
 * orm-sequence-ids.xml). A copy of the WAR at /company, deployed after the properties are set and undeployed before
 * they are removed, so no other test sees them.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompanyTableIT {

    private static final String NAME = "company";
    private static final Duration WITHIN = Duration.ofSeconds(10);

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive companyWar() {
        return WarCopy.at(NAME);
    }

    @Test
    void aCalendarOnACompanysTableWithIdentityIdsLoadsSavesInEveryModeAndGoesLive() throws Exception {
        onTheCompanyTable(CompanyTable.Ids.IDENTITY);
    }

    @Test
    void aCalendarOnACompanysTableWithSequenceIdsLoadsSavesInEveryModeAndGoesLive() throws Exception {
        onTheCompanyTable(CompanyTable.Ids.SEQUENCE);
    }

    private void onTheCompanyTable(CompanyTable.Ids ids) throws Exception {
        String room = "room" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        CompanyTable.create(ids);
        long existing;
        try (Connection db = RunDatabase.connect()) {
            existing = CompanyTable.insert(db, room, "booked elsewhere", "{\"color\":\"red\"}");
        }
        if (ids == CompanyTable.Ids.SEQUENCE) assertEquals(1000, existing, "the company's sequence starts at 1000");
        CompanyTable.map(ids);
        try {
            deployer.deploy(NAME);
            try {
                String base = WarCopy.url(NAME);
                savesAndLive(new Http(URI.create(base)), base, room, existing);
            } finally {
                deployer.undeploy(NAME);
            }
        } finally {
            CompanyTable.unmap();
            CompanyTable.drop();
        }
    }

    private void savesAndLive(Http http, String base, String room, long existing) throws SQLException {
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
            assertEquals(existing + 1, inserted, "the WAR's new row has the id the table's own generator gave next");
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

        try (Connection db = RunDatabase.connect()) {
            assertEquals(existing + 2, CompanyTable.insert(db, room + "x", "after the WAR", "{}"),
                    "the WAR took one id and left the generator where another application finds the next");
        }
        try (Connection db = RunDatabase.connect(); var select = db.prepareStatement(
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
