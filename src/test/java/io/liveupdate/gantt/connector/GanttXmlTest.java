package io.liveupdate.gantt.connector;

import static org.junit.jupiter.api.Assertions.*;

import io.liveupdate.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The XML load read back with a plain (non-coalescing) DOM parser, node by node as the Gantt client reads it. */
class GanttXmlTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void tasksAndLinksAsTheClientParsesThem() throws Exception {
        var load = json("{\"data\":[{\"id\":7,\"text\":\"a <b> & ]]> \\\"q\\\" \\u0001\",\"start_date\":\"15-01-2025 00:00\",\"duration\":3,"
                + "\"progress\":0.5,\"parent\":0,\"open\":true,\"owner\":{\"n\":\"Ann\"},\"my field\":1,\"none\":null,\"sortorder\":1,\"version\":2},"
                + "{\"id\":8,\"text\":\"\",\"parent\":7,\"open\":false,\"version\":1}],"
                + "\"links\":[{\"id\":3,\"source\":7,\"target\":8,\"type\":\"0\",\"lag\":\"x'y\",\"version\":1}]}");

        var xml = parse(GanttXml.load(load, Optional.of("key-1")));

        Element data = xml.getDocumentElement();
        assertEquals("data", data.getTagName());
        assertEquals("key-1", data.getAttribute("dhx_security"), "where the client reads its CSRF key");
        var tasks = data.getElementsByTagName("task");
        var first = (Element) tasks.item(0);
        assertEquals(1, first.getChildNodes().getLength(), "one text node: the client reads the first child only");
        assertEquals("a <b> & ]]> \"q\" \uFFFD", first.getFirstChild().getNodeValue(), "markup and ]]> intact, a control character replaced");
        assertEquals("7", first.getAttribute("id"));
        assertEquals("15-01-2025 00:00", first.getAttribute("start_date"));
        assertEquals("3", first.getAttribute("duration"));
        assertEquals("0.5", first.getAttribute("progress"));
        assertEquals("0", first.getAttribute("parent"));
        assertEquals("true", first.getAttribute("open"));
        assertEquals("{\"n\":\"Ann\"}", first.getAttribute("owner"));
        assertEquals("2", first.getAttribute("version"));
        assertFalse(first.hasAttribute("text"));
        assertFalse(first.hasAttribute("none"), "a null is not written as the string null");
        assertEquals(9, first.getAttributes().getLength(), "no attribute for a name XML cannot carry ('my field')");
        var second = (Element) tasks.item(1);
        assertFalse(second.hasAttribute("open"), "a false open is left out: the client would read \"false\" as true");
        assertEquals(0, second.getChildNodes().getLength(), "an empty text: no node, the client reads \"\"");

        var collections = data.getElementsByTagName("coll_options");
        assertEquals(1, collections.getLength());
        assertEquals("links", ((Element) collections.item(0)).getAttribute("for"));
        var link = (Element) ((Element) collections.item(0)).getElementsByTagName("item").item(0);
        assertEquals("3", link.getAttribute("id"));
        assertEquals("7", link.getAttribute("source"));
        assertEquals("8", link.getAttribute("target"));
        assertEquals("0", link.getAttribute("type"));
        assertEquals("x'y", link.getAttribute("lag"));
    }

    @Test
    void anEmptyChartWithoutAKey() throws Exception {
        var xml = parse(GanttXml.load(json("{\"data\":[],\"links\":[]}"), Optional.empty()));
        assertFalse(xml.getDocumentElement().hasAttribute("dhx_security"));
        assertEquals(0, xml.getElementsByTagName("task").getLength());
        assertEquals(1, xml.getElementsByTagName("coll_options").getLength(), "the client finds an empty links collection");
    }
}
