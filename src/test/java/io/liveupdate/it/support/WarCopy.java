package io.liveupdate.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A copy of the WAR the build made, served at a context of its own: a test that redeploys it, or deploys it under
 * server settings of its own, never touches the deployment the other tests share (the real WAR serves at "/").
 */
public final class WarCopy {

    private WarCopy() {
    }

    /** The built WAR as {@code <context>.war}, its context root {@code /<context>}. */
    public static WebArchive at(String context) {
        File war = new File(System.getProperty("war.file", "target/live-update.war"));
        return ShrinkWrap.create(ZipImporter.class, context + ".war").importFrom(war).as(WebArchive.class)
                .addAsWebInfResource(new StringAsset("<jboss-web xmlns=\"urn:jboss:jakartaee:1.0\" version=\"15.0\">"
                        + "<context-root>/" + context + "</context-root></jboss-web>"), "jboss-web.xml");
    }

    /** Where the copy answers on the run's server, with a trailing slash. */
    public static String url(String context) {
        return "http://127.0.0.1:" + (8080 + Integer.getInteger("it.port.offset", 0)) + "/" + context + "/";
    }
}
