package io.liveupdate.gantt.connector;

import io.liveupdate.wire.Xml;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Optional;

/**
 * The XML load {@code gantt.load(url, "xml")} parses (dhtmlx-gantt 10.0.3, {@code gantt.xml.parse}):
 * {@code <data><task id=".." ...>text</task>...<coll_options for="links"><item id=".." source=".." .../></coll_options></data>}.
 * Written from the JSON load, so fields, order and left-out custom fields are the same. The client turns every
 * attribute of a {@code <task>} into a field and reads {@code text} from the task's first child node, and every
 * attribute of a links {@code <item>} into a link's field; {@code dhx_security} on {@code <data>} is its CSRF key.
 * The text is escaped rather than put in CDATA: the client reads one node only, and a CDATA section split around
 * {@code "]]>"} would lose the rest.
 */
final class GanttXml {

    private GanttXml() {
    }

    static String load(JsonObject load, Optional<String> securityKey) {
        var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><data");
        securityKey.ifPresent(key -> xml.append(" dhx_security=\"").append(Xml.attribute(key)).append('"'));
        xml.append('>');
        for (JsonValue task : load.getJsonArray("data")) {
            JsonObject fields = task.asJsonObject();
            xml.append("<task");
            attributes(fields, xml);
            xml.append('>').append(Xml.attribute(fields.getString("text", ""))).append("</task>");
        }
        xml.append("<coll_options for=\"links\">");
        for (JsonValue link : load.getJsonArray("links")) {
            xml.append("<item");
            attributes(link.asJsonObject(), xml);
            xml.append("/>");
        }
        return xml.append("</coll_options></data>").toString();
    }

    /**
     * Every field but {@code text} as an attribute. XML has only strings: numbers are written as in JSON, objects and
     * arrays as their JSON text. A false {@code open} is left out, as the client would read "false" as a true string.
     * A custom field whose name is not an XML name cannot be written, and is left out of the XML load only.
     */
    private static void attributes(JsonObject fields, StringBuilder xml) {
        fields.forEach((name, value) -> {
            if (name.equals("text") || !Xml.isElementName(name) || value == JsonValue.NULL) return;
            if (name.equals("open") && value != JsonValue.TRUE) return;
            String text = value instanceof JsonString s ? s.getString() : value.toString();
            xml.append(' ').append(name).append("=\"").append(Xml.attribute(text)).append('"');
        });
    }
}
