package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, script injection (b): dhtmlxScheduler 7 writes {@code _text_style}, {@code color} and {@code textColor}
 * into a style attribute unescaped. Rows stored before the fix (written here straight into the database, as the
 * connector used to store them) hold payloads that leave the attribute; loads and live payloads must not hand them
 * out, and the demo page, opened in Debian's Chromium, must run none of them. The scenario
 * (src/test/node/browser-injection.js) also proves that the payloads would run, by setting them on a loaded event in
 * the page itself.
 */
class BrowserStoredEventInjectionIT extends Deployed {

    /** Leaves a single- or a double-quoted attribute, then adds markup whose onerror sets a global. */
    static final String PAYLOAD = "x'\"><img src=x onerror=window.__pwned=1>";
    private static final LocalDateTime MONDAY = LocalDateTime.of(2032, 5, 10, 0, 0);

    @BeforeAll
    static void chromiumIsInstalled() {
        BrowserScenario.requireChromium();
    }

    @Test
    void rowsStoredBeforeTheFixRunNoScriptInTheDemoPage() throws Exception {
        String marker = Long.toString(System.nanoTime());
        List<Long> ids = List.of(
                preFixRow("pre-fix style " + marker, MONDAY.plusDays(1).withHour(9), MONDAY.plusDays(1).withHour(10),
                        "{\"_text_style\":" + jsonString(PAYLOAD) + ",\"$css\":" + jsonString(PAYLOAD) + "}"),
                preFixRow("pre-fix colour " + marker, MONDAY.plusDays(2).withHour(9), MONDAY.plusDays(3).withHour(10),
                        "{\"color\":" + jsonString("red" + PAYLOAD) + ",\"textColor\":" + jsonString(PAYLOAD) + ",\"room\":\"4.01\"}"));
        try {
            String range = "?from=2032-05-10&to=2032-05-17";
            for (String load : new String[] {http().get("api/events" + range).body(), http().get("api/events" + range + "&format=xml").body()}) {
                assertTrue(load.contains("pre-fix colour " + marker), load);
                assertFalse(load.contains("onerror"), "no load hands the payload out: " + load);
                assertFalse(load.contains("_text_style") || load.contains("$css") || load.contains("textColor"), load);
                assertTrue(load.contains("4.01"), "the row's harmless fields are kept");
            }
            var steps = BrowserScenario.run("browser-injection.js", "browser-injection", deploymentUrl, marker);
            assertTrue(BrowserScenario.ran(steps, "week"), "the week view was checked");
            assertTrue(BrowserScenario.ran(steps, "month"), "the month view was checked");
            assertTrue(BrowserScenario.ran(steps, "live-update"), "a live payload of a pre-fix row was checked");
            assertTrue(BrowserScenario.ran(steps, "payloads-would-run"), "the payloads are live in this scheduler");
        } finally {
            for (long id : ids) http().delete("api/events/" + id);
        }
    }

    /** A row as the connector stored it before the fix: straight into the table, custom fields as they came. */
    private static long preFixRow(String text, LocalDateTime start, LocalDateTime end, String customFields) throws SQLException {
        try (var db = DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"), "");
                var insert = db.prepareStatement("INSERT INTO scheduler_event (id, calendar, start_date, end_date, text, custom_fields, version)"
                        + " VALUES (nextval('scheduler_event_seq'), 'default', ?, ?, ?, ?::jsonb, 1) RETURNING id")) {
            insert.setTimestamp(1, Timestamp.valueOf(start));
            insert.setTimestamp(2, Timestamp.valueOf(end));
            insert.setString(3, text);
            insert.setString(4, customFields);
            try (var result = insert.executeQuery()) {
                assertTrue(result.next());
                return result.getLong(1);
            }
        }
    }

    private static String jsonString(String s) {
        return jakarta.json.Json.createValue(s).toString();
    }
}
