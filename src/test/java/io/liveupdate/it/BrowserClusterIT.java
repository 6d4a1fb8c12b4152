package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveupdate.it.support.SecondNode;
import java.nio.file.Files;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo scheduler page in Debian's headless Chromium on two nodes of a cluster (node 1, and node 2 from
 * {@link SecondNode#shared}): creating, moving and deleting an event in the page on node 1 shows in the page on node 2
 * within a few seconds, without a reload, and what the page on node 2 creates and deletes shows on node 1. The
 * scenario is src/test/node/browser-cluster.js; screenshots land in target/screenshots.
 */
class BrowserClusterIT extends Deployed {

    private static SecondNode node2;

    @BeforeAll
    static void chromiumAndNodeTwo() throws Exception {
        BrowserScenario.requireChromium();
        node2 = SecondNode.shared();
    }

    @Test
    void aPageOnEachNodeShowsWhatTheOtherDoes() throws Exception {
        // The scenario's second argument is node 2's address (BrowserScenario passes it where other scenarios take a mode).
        var steps = BrowserScenario.run("browser-cluster.js", "browser-cluster", deploymentUrl, node2.url().toString());
        for (String step : new String[] {"both-live", "create-on-node-1", "move-on-node-1", "delete-on-node-1", "create-on-node-2", "delete-on-node-2"}) {
            assertTrue(BrowserScenario.ran(steps, step), step + " ran");
        }
        assertTrue(Files.isRegularFile(BrowserScenario.SCREENSHOTS.resolve("cluster-node-2.png")));
    }
}
