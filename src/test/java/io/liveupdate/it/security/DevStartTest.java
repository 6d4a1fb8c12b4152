package io.liveupdate.it.security;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The README's start command ({@code mvn}: wildfly:dev of wildfly-maven-plugin) must not open a Java debug port
 * that anyone can reach: the plugin's defaults are debugging on, on every interface, port 8787. Read from the pom,
 * where that is decided: debugging off unless asked for, and then on the loopback interface only.
 */
class DevStartTest {

    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "::1", "[::1]");

    private final Document pom = parse(Path.of(System.getProperty("basedir", "."), "pom.xml"));

    @Test
    void debuggingIsOffByDefaultAndBoundToLoopbackWhenTurnedOn() {
        assertEquals("false", property("wildfly.debug"), "wildfly:dev debugs unless <wildfly.debug>false</wildfly.debug>");
        assertTrue(LOOPBACK.contains(property("wildfly.debug.host")),
                "the plugin's default debug host is * (every interface): " + property("wildfly.debug.host"));
    }

    @Test
    void noPluginConfigurationTurnsDebuggingOnOrOpensItBeyondLoopback() {
        List<String> offending = new ArrayList<>();
        for (Element element : all(pom.getDocumentElement())) {
            String name = element.getTagName();
            String text = element.getTextContent().trim();
            if (name.equals("debug") && !text.equals("false") && !text.equals("${wildfly.debug}")) offending.add("<debug>" + text);
            if (name.equals("debugHost") && !LOOPBACK.contains(text) && !text.equals("${wildfly.debug.host}")) offending.add("<debugHost>" + text);
            if ((name.equals("javaOpt") || name.equals("serverArg") || name.equals("javaOpts") || name.equals("serverArgs")
                    || name.equals("javaVmArguments")) && (text.contains("jdwp") || text.contains("--debug"))) {
                offending.add("<" + name + ">" + text);
            }
        }
        assertEquals(List.of(), offending);
    }

    private String property(String name) {
        for (Element properties : children(pom.getDocumentElement(), "properties")) {
            for (Element property : children(properties, name)) return property.getTextContent().trim();
        }
        return "(unset: the plugin's default)";
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) found.add(e);
        }
        return found;
    }

    private static List<Element> all(Element root) {
        List<Element> found = new ArrayList<>();
        found.add(root);
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) found.addAll(all(e));
        }
        return found;
    }

    private static Document parse(Path file) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
