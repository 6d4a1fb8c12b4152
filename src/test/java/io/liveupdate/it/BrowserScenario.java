package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.liveupdate.it.faye.NodeScripts;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the browser scenarios in src/test/node (playwright-core driving Debian's headless Chromium), which
 * print one JSON line per step and end with {@code {"result":"pass"}} or the failure, and checks that it passed.
 */
final class BrowserScenario {

    private static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
    /** Where the scenarios save their screenshots. */
    static final Path SCREENSHOTS = NodeScripts.projectRoot().resolve("target/screenshots");

    private BrowserScenario() {
    }

    static void requireChromium() {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: apt-get install chromium (.ci/run does it)");
    }

    /** @return the scenario's steps, once it exited 0 with {@code "result":"pass"} */
    static List<JsonObject> run(String script, String name, URL deploymentUrl, String mode) throws InterruptedException {
        var started = NodeScripts.start(script, name, deploymentUrl.toString(), mode, SCREENSHOTS.toString());
        List<JsonObject> steps = new ArrayList<>();
        try (var out = new BufferedReader(new InputStreamReader(started.process().getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                if (line.startsWith("{")) steps.add(Json.createReader(new StringReader(line)).readObject());
            }
        } catch (IOException e) {
            throw new AssertionError("lost the browser scenario's output", e);
        }
        assertTrue(started.process().waitFor(2, TimeUnit.MINUTES), "the browser scenario did not end");
        System.out.println(script + ", " + mode + ": " + steps);
        JsonObject result = steps.isEmpty() ? Json.createObjectBuilder().add("result", "no output").build() : steps.get(steps.size() - 1);
        assertEquals("pass", result.getString("result", ""), mode + " failed: " + result + "\n" + started.stderrTail());
        assertEquals(0, started.process().exitValue());
        return steps;
    }

    /** Whether a step of that name ran. */
    static boolean ran(List<JsonObject> steps, String step) {
        return steps.stream().anyMatch(s -> step.equals(s.getString("step", "")));
    }
}
