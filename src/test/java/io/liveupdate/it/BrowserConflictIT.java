package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Conflicting edits in the demo pages, in a real browser: a page's save that lost to someone else's change is
 * refused with the reason shown, the page then shows the change that won and edits on from it, and both pages end
 * with what the database holds; with live_updates.js, a change arriving for the event open in the lightbox is shown
 * as a collision and the lightbox's save is refused. The scenario is src/test/node/browser-conflict.js.
 */
class BrowserConflictIT extends Deployed {

    @BeforeAll
    static void chromiumIsInstalled() {
        BrowserScenario.requireChromium();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"legacy", "remote"})
    void theLosingPageShowsTheReasonAndThenTheWinner(String mode) throws Exception {
        var steps = BrowserScenario.run("browser-conflict.js", "conflict-" + mode, deploymentUrl, mode);
        assertTrue(BrowserScenario.ran(steps, "same-as-database"), "the final check ran");
        if (mode.equals("legacy")) {
            assertTrue(BrowserScenario.ran(steps, "lightbox-refused"), "the lightbox collision ran");
        }
    }
}
