package io.liveupdate.it;

import java.io.File;
import java.net.URI;
import java.net.URL;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of the deployment tests: the real WAR the build made, deployed as it is to the one managed
 * WildFly of the run (PostgreSQL behind it), and driven from outside over real HTTP.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
public abstract class Deployed {

    @ArquillianResource
    protected URL deploymentUrl;

    @Deployment(testable = false)
    public static WebArchive war() {
        return realWar();
    }

    /** The WAR the build produced, unchanged. */
    public static WebArchive realWar() {
        File war = new File(System.getProperty("war.file", "target/live-update.war"));
        return ShrinkWrap.create(ZipImporter.class, "live-update.war").importFrom(war).as(WebArchive.class);
    }

    protected Http http() {
        return http(deploymentUrl);
    }

    public static Http http(URL deploymentUrl) {
        return new Http(URI.create(deploymentUrl.toString()));
    }
}
