package io.liveupdate.it;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With {@code liveupdate.security.csrf=true} every save must carry the load's key: the demo pages, in Debian's
 * Chromium, still save and delete (they send it in the {@code X-Dhx-Security} header), and the same save without it
 * is refused. The real WAR at its own root with that one setting (src/test/node/browser-csrf.js).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrowserCsrfIT {

    @ArquillianResource
    URL deploymentUrl;

    @Deployment(testable = false)
    static WebArchive withCsrf() {
        return Deployed.realWar().addAsResource(new StringAsset("liveupdate.security.csrf=true\n"), "META-INF/microprofile-config.properties");
    }

    @BeforeAll
    static void chromiumIsInstalled() {
        BrowserScenario.requireChromium();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"index.html", "remote-events.html"})
    void theDemoPagesSaveWithTheKeyAndASaveWithoutItIsRefused(String page) throws Exception {
        var steps = BrowserScenario.run("browser-csrf.js", "browser-csrf", deploymentUrl, page);
        assertTrue(BrowserScenario.ran(steps, "saved-with-key"));
        assertTrue(BrowserScenario.ran(steps, "refused-without-key"));
        assertTrue(BrowserScenario.ran(steps, "deleted-with-key"));
    }
}
