package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.faye.NodeScripts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The demo pages in a real browser (Debian's headless Chromium, driven by playwright-core): for each live mode,
 * two pages on the same data; create, move or edit, and delete in one, and the other shows each change within a
 * second without a reload; a change through the REST API by no page shows in both; a reload shows the stored
 * state. The scenario is src/test/node/browser-live.js; screenshots land in target/screenshots.
 */
class BrowserLiveIT extends Deployed {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));

    @BeforeAll
    static void chromiumIsInstalled() {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: apt-get install chromium (.ci/run does it)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"legacy", "remote", "webix"})
    void theOtherPageShowsEveryChangeWithinASecond(String mode) throws Exception {
        Path shots = NodeScripts.projectRoot().resolve("target/screenshots");
        var started = NodeScripts.start("browser-live.js", "browser-" + mode, deploymentUrl.toString(), mode, shots.toString());
        List<JsonObject> steps = new ArrayList<>();
        try (var out = new BufferedReader(new InputStreamReader(started.process().getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("{")) steps.add(Json.createReader(new StringReader(line)).readObject());
            }
        } catch (IOException e) {
            throw new AssertionError("lost the browser scenario's output", e);
        }
        assertTrue(started.process().waitFor(2, TimeUnit.MINUTES), "the browser scenario did not end");
        System.out.println("Browser, " + mode + ": " + steps);
        JsonObject result = steps.isEmpty() ? Json.createObjectBuilder().add("result", "no output").build() : steps.get(steps.size() - 1);
        assertEquals("pass", result.getString("result", ""), mode + " failed: " + result + "\n" + started.stderrTail());
        assertEquals(0, started.process().exitValue());
        assertTrue(steps.stream().anyMatch(s -> "reload".equals(s.getString("step", ""))), "the reload step ran");
        assertTrue(Files.isRegularFile(shots.resolve(mode + "-page-b.png")));
    }
}
