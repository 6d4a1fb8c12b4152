package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo pages in a real browser (Debian's headless Chromium, driven by playwright-core): for each live mode,
 * two pages on the same data, whose connection indicators say "live"; create, move or edit, and delete in one, and the other shows each change without a
 * reload (each step's time is printed; the goal is under a second); a change through the REST API by no page shows in both; a reload shows the stored
 * state. The scenario is src/test/node/browser-live.js; screenshots land in target/screenshots.
 */
class BrowserLiveIT extends Deployed {

    @BeforeAll
    static void chromiumIsInstalled() {
        BrowserScenario.requireChromium();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"legacy", "remote", "webix"})
    void theOtherPageShowsEveryChange(String mode) throws Exception {
        var steps = BrowserScenario.run("browser-live.js", "browser-" + mode, deploymentUrl, mode);
        assertTrue(BrowserScenario.ran(steps, "indicator-connected"), "both pages' connection indicators said live");
        assertTrue(BrowserScenario.ran(steps, "reload"), "the reload step ran");
        assertTrue(Files.isRegularFile(BrowserScenario.SCREENSHOTS.resolve(mode + "-page-b.png")));
    }

    @Test
    void aPageThatSubscribesThenLoadsShowsAChangeMadeWhileItsLoadWasOnTheWay() throws Exception {
        var steps = BrowserScenario.run("browser-live.js", "browser-loadgap", deploymentUrl, "loadgap");
        assertTrue(BrowserScenario.ran(steps, "change-during-load"), "the change was made during the load");
    }
}
