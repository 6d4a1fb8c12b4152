package io.liveupdate.it.security;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.it.Deployed;
import io.liveupdate.it.Http;
import io.liveupdate.it.TestCalendar;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.net.http.HttpRequest.BodyPublishers;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.controller.client.ModelControllerClient;
import org.jboss.dmr.ModelNode;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the safe defaults need an operator to say out loud: a WAR that opts in to JSONP and names a foreign page
 * origin (deployed at {@code /opt-in}) serves both, and the settings that would leave a server open to anyone keep
 * the WAR from deploying at all, with a message that says what to set. What the defaults refuse is in
 * {@code BayeuxWireIT} (origins, JSONP) and {@code RemoteEventsIT} (a raw token on the socket URL).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SafeDefaultsIT {

    static final String LISTED_ORIGIN = "http://other.example";
    private static final String HANDSHAKE = "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"%s\"],\"id\":\"1\"}]";

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive optIn() {
        return variant("opt-in", "liveupdate.bayeux.jsonp=true", "liveupdate.security.allowed-origins=" + LISTED_ORIGIN);
    }

    private Http http() {
        return Deployed.http(deploymentUrl);
    }

    @Test
    void jsonpWorksOnceEnabledAndStillRefusesCallbacksThatAreNotNames() {
        String message = TestCalendar.enc(HANDSHAKE.formatted("callback-polling"));
        var response = http().get("sync?message=" + message + "&jsonp=__jsonp1__");
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertTrue(response.body().startsWith("/**/__jsonp1__([{"), response.body());
        assertTrue(response.body().contains("\"successful\":true"), response.body());
        assertTrue(response.body().contains("callback-polling"), "advertised: " + response.body());
        assertTrue(response.body().endsWith("]);"));

        assertEquals(400, http().get("sync?message=" + message + "&jsonp=alert(1)").statusCode());
    }

    @Test
    void aListedOriginGetsCorsWithCredentialsAndAWebSocketAndOthersStillDoNot() throws IOException {
        var preflight = http().send(http().request("sync", "Origin", LISTED_ORIGIN, "Access-Control-Request-Method", "POST")
                .method("OPTIONS", BodyPublishers.noBody()));
        assertEquals(200, preflight.statusCode());
        assertEquals(LISTED_ORIGIN, preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));

        String body = "message=" + TestCalendar.enc(HANDSHAKE.formatted("cross-origin-long-polling"));
        var response = http().send(http().request("sync", "Origin", LISTED_ORIGIN, "Content-Type", "text/plain;charset=UTF-8")
                .POST(BodyPublishers.ofString(body)));
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"successful\":true"));
        assertEquals(LISTED_ORIGIN, response.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertEquals("true", response.headers().firstValue("Access-Control-Allow-Credentials").orElse(""));

        assertTrue(RawUpgrade.statusLine(deploymentUrl, "sync", LISTED_ORIGIN).startsWith("HTTP/1.1 101"));
        String foreign = RawUpgrade.statusLine(deploymentUrl, "sync", "http://evil.example");
        assertTrue(foreign.startsWith("HTTP/1.1 403"), foreign);
        var evil = http().send(http().request("sync", "Origin", "http://evil.example", "Access-Control-Request-Method", "POST")
                .method("OPTIONS", BodyPublishers.noBody()));
        assertTrue(evil.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), evil.headers().toString());
    }

    /**
     * Log forging through the one request value the origin refusal logs: a terminal escape (ESC) and a folded header
     * line that would start a log line of its own. Whatever the container lets through reaches the log cleaned, on
     * the refusal's own line.
     */
    @Test
    void anOriginWithControlCharactersCannotForgeOrRewriteALogLine() throws Exception {
        String marker = "forged-" + UUID.randomUUID();
        String escape = RawUpgrade.statusLine(deploymentUrl, "sync", "http://evil.example/\u001b[2K" + marker + "-esc");
        String folded = RawUpgrade.statusLine(deploymentUrl, "sync", "http://evil.example\r\n 10:00:00,000 SEVERE [x] " + marker + "-fold");
        assertFalse(escape.startsWith("HTTP/1.1 101"), escape);
        assertFalse(folded.startsWith("HTTP/1.1 101"), folded);

        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        List<String> lines = List.of();
        for (int i = 0; i < 100 && lines.stream().noneMatch(l -> l.contains(marker + "-esc")) && escape.startsWith("HTTP/1.1 403"); i++) {
            Thread.sleep(100); // the log handler writes right after the refusal; wait for that write, not for time
            lines = linesWith(log, marker);
        }
        lines = linesWith(log, marker);
        for (String line : lines) {
            assertTrue(line.contains("Refused a WebSocket upgrade of /sync"), "a line of its own: " + line);
            assertEquals(-1, line.indexOf('\u001b'), "the escape reached the log: " + line);
        }
        if (escape.startsWith("HTTP/1.1 403")) {
            assertTrue(lines.stream().anyMatch(l -> l.contains("?[2K" + marker + "-esc")), "logged, cleaned: " + lines);
        }
    }

    private static List<String> linesWith(Path log, String marker) throws IOException {
        try (var all = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            return all.filter(l -> l.contains(marker)).toList();
        }
    }

    @Test
    void anyOriginWithSecurityOnKeepsTheWarFromDeploying() throws IOException {
        String failure = deployExpectingFailure(variant("any-origin", "liveupdate.security.enabled=true",
                "liveupdate.security.tokens=alice=" + SecuredWar.ALICE_TOKEN, "liveupdate.security.allowed-origins=*"));
        assertTrue(failure.contains("liveupdate.security.allowed-origins=* is refused while liveupdate.security.enabled=true"), failure);
    }

    @Test
    void theDemoTokenOutsideTheDemoKeepsTheWarFromDeploying() throws IOException {
        // The test server runs in demo mode (arquillian.xml); this WAR's own config outranks the system property.
        String failure = deployExpectingFailure(variant("not-a-demo", "config_ordinal=500", "liveupdate.demo=false",
                "liveupdate.remote.tokens=mine," + "demo-token"));
        assertTrue(failure.contains("liveupdate.remote.tokens contains the public demo-token"), failure);
        assertTrue(failure.contains("liveupdate.demo=true"), failure);
    }

    @Test
    void deployedAsItIsOutsideTheDemoTheWarStartsAndRefusesTheDemoToken() throws IOException {
        // No setting at all but demo=false (outranking the test server's demo mode): what an operator gets by default.
        var war = variant("as-it-is", "config_ordinal=500", "liveupdate.demo=false");
        deployed(war, () -> {
            Http asItIs = Deployed.http(new URL(deploymentUrl, "/as-it-is/"));
            var handshake = asItIs.get("api/v1", "Remote-Token", "demo-token");
            assertEquals(403, handshake.statusCode(), handshake.body());
            assertEquals(200, asItIs.get("api/events").statusCode(), "the rest of the WAR works");
        });
    }

    interface Check {
        void run() throws IOException;
    }

    /** Deploys through WildFly's management API, runs the check, and removes the deployment again. */
    private static void deployed(WebArchive war, Check check) throws IOException {
        String name = "checked-" + war.getName();
        try (var client = ModelControllerClient.Factory.create("127.0.0.1", Integer.getInteger("it.management.port", 9990))) {
            ModelNode result = client.execute(addDeployment(name, war));
            try {
                assertEquals("success", result.get("outcome").asString(), result.toString());
                check.run();
            } finally {
                client.execute(removeDeployment(name));
            }
        }
    }

    private static ModelNode addDeployment(String name, WebArchive war) throws IOException {
        var add = new ModelNode();
        add.get("operation").set("add");
        add.get("address").add("deployment", name);
        add.get("enabled").set(true);
        add.get("content").add().get("bytes").set(war.as(ZipExporter.class).exportAsInputStream().readAllBytes());
        return add;
    }

    private static ModelNode removeDeployment(String name) {
        var remove = new ModelNode();
        remove.get("operation").set("remove");
        remove.get("address").add("deployment", name);
        return remove;
    }

    /** The real WAR with its own configuration, at its own context root (so only its settings can make it fail). */
    private static WebArchive variant(String name, String... config) {
        return Deployed.realWar()
                .addAsResource(new StringAsset(String.join("\n", config) + "\n"), "META-INF/microprofile-config.properties")
                .addAsWebInfResource(new StringAsset("<jboss-web xmlns=\"urn:jboss:jakartaee:1.0\" version=\"15.0\">"
                        + "<context-root>/" + name + "</context-root></jboss-web>"), "jboss-web.xml");
    }

    /** Deploys through WildFly's management API and returns why it failed; fails the test if it deployed. */
    private static String deployExpectingFailure(WebArchive war) throws IOException {
        String name = "refused-" + war.getName();
        var add = addDeployment(name, war);
        int port = Integer.getInteger("it.management.port", 9990);
        try (var client = ModelControllerClient.Factory.create("127.0.0.1", port)) {
            ModelNode result = client.execute(add);
            try {
                assertEquals("failed", result.get("outcome").asString(), "deployed although it must not: " + result);
                return result.get("failure-description").toString();
            } finally {
                client.execute(removeDeployment(name)); // usually rolled back already; then this fails harmlessly
            }
        }
    }
}
