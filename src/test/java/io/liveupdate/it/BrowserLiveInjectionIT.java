package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Script injection tried for real against the demo pages in Debian's headless Chromium (src/test/node/browser-attacks.js):
 * a hostile client publishes markup where pages would write it into HTML, and no script runs, while the legitimate
 * path still shows live changes. Finding (a): {@code /broadcast} relayed a markup {@code tid} and forged deletes to
 * {@code /update}; finding (c): a Webix storage item whose {@code id} or {@code $css} held markup was stored and
 * handed to every later visitor, so this test also writes such items straight into the database, as an older version
 * stored them, and checks that no page is handed them.
 */
class BrowserLiveInjectionIT extends Deployed {

    private static final String CHAT = "/chat";
    private static final String MARKUP_ID = "<img src=x onerror=\"window.__xss=3;document.title='pwned'\">";
    private static final String PLAIN_ID = "stored-before-the-fix";

    @BeforeAll
    static void chromiumIsInstalled() {
        BrowserScenario.requireChromium();
    }

    @Test
    void markupPublishedOnBroadcastRunsInNoPageAndForgedChangesAreNotRelayed() throws Exception {
        var steps = BrowserScenario.run("browser-attacks.js", "attack-broadcast", deploymentUrl, "broadcast");
        assertTrue(BrowserScenario.ran(steps, "broadcast-attack-refused"));
        assertTrue(BrowserScenario.ran(steps, "page-ignores-hostile-updates"));
    }

    @Test
    void storageItemsWithMarkupAreRefusedAndThoseStoredEarlierAreNeverHandedOut() throws Exception {
        storeAsAnOlderVersionDid(MARKUP_ID, "{\"id\":" + jsonString(MARKUP_ID) + ",\"user\":\"old\",\"value\":\"stored before the fix, markup id\"}");
        storeAsAnOlderVersionDid(PLAIN_ID, "{\"id\":\"" + PLAIN_ID + "\",\"user\":\"old\",\"value\":\"stored before the fix, plain id\","
                + "\"$css\":" + jsonString("x\"><img src=x onerror=\"window.__xss=4\">") + "}");

        var steps = BrowserScenario.run("browser-attacks.js", "attack-storage", deploymentUrl, "storage");

        assertTrue(BrowserScenario.ran(steps, "stored-items-safe"));
        assertTrue(BrowserScenario.ran(steps, "storage-attack-refused"));
        assertTrue(BrowserScenario.ran(steps, "page-ignores-hostile-items"));
        assertFalse(WebixStorageIT.storedItems(CHAT).values().stream().anyMatch(item -> item.toString().contains("mallory")),
                "the attack stored nothing that is still there");
    }

    @AfterEach
    void removeWhatWasStored() throws SQLException {
        try (var db = database(); var delete = db.prepareStatement("DELETE FROM storage_item WHERE channel = ? AND item_id IN (?, ?)")) {
            delete.setString(1, CHAT);
            delete.setString(2, MARKUP_ID);
            delete.setString(3, PLAIN_ID);
            delete.executeUpdate();
        }
    }

    private static void storeAsAnOlderVersionDid(String itemId, String fields) throws SQLException {
        try (var db = database(); var insert = db.prepareStatement("INSERT INTO storage_item (id, channel, item_id, fields, version) "
                + "VALUES (nextval('storage_item_seq'), ?, ?, CAST(? AS jsonb), 1)")) {
            insert.setString(1, CHAT);
            insert.setString(2, itemId);
            insert.setString(3, fields);
            insert.executeUpdate();
        }
    }

    private static java.sql.Connection database() throws SQLException {
        return DriverManager.getConnection(System.getProperty("it.db.url"), System.getProperty("it.db.user", "postgres"), "");
    }

    private static String jsonString(String text) {
        return jakarta.json.Json.createValue(text).toString();
    }
}
