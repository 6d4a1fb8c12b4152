package io.liveupdate.it;

import static io.liveupdate.it.faye.FayeClient.Transport.WEBSOCKET;
import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.FayeClient;
import io.liveupdate.it.support.CompanyTable;
import io.liveupdate.it.support.RunDatabase;
import io.liveupdate.it.support.WarCopy;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.sql.Connection;
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
 * A company's table whose custom fields are columns of their own (server-config/company-table/custom-columns*.sql,
 * orm-custom-columns.xml; docs/own-table.md): a column written by SQL loads as a custom field on the JSON and XML
 * loads, a page's save lands in the column typed, reaches a Faye client, a RemoteEvents page and the change log with
 * the columns among the custom fields; a value of the wrong type is refused and nothing saved. On PostgreSQL and in
 * the build's MariaDB execution. And an UPDATE of a custom field column by the database's own client reaches a Faye
 * client through the outside-writes triggers, given the custom columns. A copy of the WAR at /company-columns,
 * deployed after the mapping is given.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CompanyCustomColumnsIT {

    private static final String NAME = "company-columns";
    private static final Duration WITHIN = Duration.ofSeconds(10);
    /** MariaDB learns of another client's commit at its periodic check, every 3 s (docs/databases.md). */
    private static final Duration OUTSIDE_WITHIN = Duration.ofSeconds(20);

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive companyWar() {
        return WarCopy.at(NAME);
    }

    /** One test's work on the table, once the WAR copy is deployed on it. */
    private interface OnTheTable {
        void run(Http http, String base, String room) throws Exception;
    }

    @Test
    void customFieldColumnsLoadSaveTypedAndGoLiveOnEveryWireForm() throws Exception {
        onTheTable(this::columns);
    }

    @Test
    void anUpdateOfACustomFieldColumnByTheDatabasesClientReachesAFayeClient() throws Exception {
        onTheTable((http, base, room) -> {
            CompanyTable.numberOutsideWrites(room, "colour", "attendees", "confirmed");
            try {
                outsideWriteOfAColumn(http, base, room);
            } finally {
                CompanyTable.stopNumberingOutsideWrites();
            }
        });
    }

    private void onTheTable(OnTheTable test) throws Exception {
        String room = "room" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        CompanyTable.create(CompanyTable.Ids.CUSTOM_COLUMNS);
        CompanyTable.map(CompanyTable.Ids.CUSTOM_COLUMNS);
        try {
            deployer.deploy(NAME);
            try {
                String base = WarCopy.url(NAME);
                test.run(new Http(URI.create(base)), base, room);
            } finally {
                deployer.undeploy(NAME);
            }
        } finally {
            CompanyTable.unmap();
            CompanyTable.drop();
        }
    }

    private void outsideWriteOfAColumn(Http http, String base, String room) throws Exception {
        String url = "api/calendars/" + room + "/events";
        String channel = "/calendars/" + room + "/update";
        try (var page = FayeClient.start("company-columns-outside")) {
            page.connect(base + "sync", WEBSOCKET);
            page.subscribe(channel);
            long id = Http.json(http.post(url, Http.JSON, "{\"start_date\":\"2025-04-02 09:00\",\"end_date\":\"2025-04-02 10:00\","
                    + "\"text\":\"saved by the WAR\",\"colour\":\"blue\",\"attendees\":2}")).getJsonNumber("tid").longValue();
            page.awaitMessage(channel, ClusterChecks.status(id, "inserted"), WITHIN);
            RunDatabase.commandLine("UPDATE company_bookings SET colour = 'green', attendees = 9, row_version = row_version + 1 WHERE booking_no = " + id);
            var data = page.awaitMessage(channel, ClusterChecks.status(id, "updated"), OUTSIDE_WITHIN).dataObject().getJsonObject("data");
            assertEquals("green", data.getString("colour"), "the client's new colour, as the trigger read the column");
            assertEquals(9, data.getInt("attendees"));
            var loaded = Http.json(http.get(url)).getJsonArray("data").getJsonObject(0);
            assertEquals("green", loaded.getString("colour"), "the same as a load reads it");
        }
    }

    private void columns(Http http, String base, String room) throws Exception {
        long existing;
        try (Connection db = RunDatabase.connect()) {
            existing = CompanyTable.insert(db, room, "booked elsewhere", "{\"section_id\":2}");
            db.createStatement().executeUpdate("UPDATE company_bookings SET colour = 'red', attendees = 4 WHERE booking_no = " + existing);
        }
        String url = "api/calendars/" + room + "/events";
        String channel = "/calendars/" + room + "/update";
        var loaded = Http.json(http.get(url)).getJsonArray("data").getJsonObject(0);
        assertEquals("red", loaded.getString("colour"), "a column written by SQL loads as a custom field");
        assertEquals(4, loaded.getInt("attendees"), "as the column's type: a number");
        assertFalse(loaded.containsKey("confirmed"), "a NULL column is left out");
        assertEquals(2, loaded.getInt("section_id"), "the JSON column's fields beside them");
        var xml = (Element) Http.xml(http.get(url + "?format=xml")).getElementsByTagName("event").item(0);
        assertEquals("red", xml.getElementsByTagName("colour").item(0).getTextContent());
        assertEquals("4", xml.getElementsByTagName("attendees").item(0).getTextContent());

        try (var page = FayeClient.start("company-columns");
                var remote = RemoteEventsPage.open(http, URI.create(base), room)) {
            page.connect(base + "sync", WEBSOCKET);
            page.subscribe(channel);

            var put = Http.json(http.put(url + "/" + existing, Http.JSON, "{\"start_date\":\"2025-04-01 08:00\","
                    + "\"end_date\":\"2025-04-01 09:00\",\"text\":\"json save\",\"colour\":\"blue\",\"attendees\":5,"
                    + "\"confirmed\":true,\"note\":\"in the JSON column\"}"));
            assertEquals("updated", put.getString("action"), put.toString());
            var live = page.awaitMessage(channel, ClusterChecks.status(existing, "updated"), WITHIN).dataObject().getJsonObject("data");
            assertEquals("blue", live.getString("colour"), "a Faye client sees the column's new value");
            assertEquals(5, live.getInt("attendees"));
            assertTrue(live.getBoolean("confirmed"));
            assertEquals("in the JSON column", live.getString("note"));
            var remoteEvent = remote.nextEvent().getJsonObject("event");
            assertEquals("blue", remoteEvent.getString("colour"), "so does a RemoteEvents page");
            assertEquals(5, remoteEvent.getInt("attendees"));
            var logged = lastLogged(room).getJsonObject("event").getJsonObject("customFields");
            assertEquals("blue", logged.getString("colour"), "the change log keeps the columns among the custom fields");
            assertEquals(5, logged.getInt("attendees"));
            assertStored(existing, "blue", 5, true, "in the JSON column");

            Map<String, String> form = new LinkedHashMap<>();
            form.put("ids", Long.toString(existing));
            form.put(existing + "_id", Long.toString(existing));
            form.put(existing + "_!nativeeditor_status", "updated");
            form.put(existing + "_start_date", "2025-04-01 08:00");
            form.put(existing + "_end_date", "2025-04-01 09:00");
            form.put(existing + "_text", "legacy post");
            form.put(existing + "_colour", "green");
            form.put(existing + "_attendees", "6");
            form.put(existing + "_confirmed", "");
            var legacy = Http.xml(http.post(url + "?editing=true", Http.FORM, TestCalendar.form(form)));
            assertEquals("updated", ((Element) legacy.getElementsByTagName("action").item(0)).getAttribute("type"));
            assertStored(existing, "green", 6, false, "in the JSON column");

            var wrong = Http.json(http.put(url + "/" + existing, Http.JSON, "{\"colour\":\"white\",\"attendees\":\"many\"}"));
            assertEquals("invalid", wrong.getString("action"), wrong.toString());
            assertEquals("attendees 'many' is not a whole number in range", wrong.getString("message"));
            assertStored(existing, "green", 6, false, "in the JSON column");

            var json = Http.json(http.post(url + "?editing=true", Http.JSON, "{\"id\":1712345678901,\"action\":\"inserted\","
                    + "\"data\":{\"start_date\":\"2025-04-02 09:00\",\"end_date\":\"2025-04-02 10:00\",\"text\":\"json mode\","
                    + "\"colour\":\"yellow\",\"attendees\":\"3\"}}"));
            long inserted = json.getJsonNumber("tid").longValue();
            var insertedLive = page.awaitMessage(channel, ClusterChecks.status(inserted, "inserted"), WITHIN).dataObject().getJsonObject("data");
            assertEquals("yellow", insertedLive.getString("colour"));
            assertEquals(3, insertedLive.getInt("attendees"), "text naming a number is read as the number");
            assertStored(inserted, "yellow", 3, null, null);
        }
    }

    private static void assertStored(long id, String colour, Integer attendees, Boolean confirmed, String note) throws Exception {
        try (Connection db = RunDatabase.connect(); var select = db.prepareStatement(
                "SELECT colour, attendees, confirmed, extras FROM company_bookings WHERE booking_no = ?")) {
            select.setLong(1, id);
            try (var rows = select.executeQuery()) {
                assertTrue(rows.next());
                assertEquals(colour, rows.getString(1), "the colour column");
                assertEquals(attendees, (Integer) rows.getObject(2, Integer.class), "the attendees column");
                assertEquals(confirmed, rows.getObject(3) == null ? null : rows.getBoolean(3), "the confirmed column");
                var extras = Json.createReader(new StringReader(rows.getString(4))).readObject();
                assertFalse(extras.containsKey("colour") || extras.containsKey("attendees"), "columns' fields stay out of extras: " + extras);
                if (note != null) assertEquals(note, extras.getString("note"), "a field with no column: extras");
            }
        }
    }

    private static JsonObject lastLogged(String room) throws Exception {
        try (Connection db = RunDatabase.connect(); var select = db.prepareStatement(
                "SELECT payload FROM change_log WHERE stream = ? ORDER BY seq DESC")) {
            select.setString(1, "calendar:" + room);
            try (var rows = select.executeQuery()) {
                assertTrue(rows.next(), "a change is logged");
                return Json.createReader(new StringReader(rows.getString(1))).readObject();
            }
        }
    }
}
