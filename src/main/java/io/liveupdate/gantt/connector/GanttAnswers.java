package io.liveupdate.gantt.connector;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.List;

/** The form modes' answer: {@code <data><action type="inserted" sid="7" tid="42"/>...</data>}, one action per row. */
final class GanttAnswers {

    private GanttAnswers() {
    }

    static String xml(List<JsonObject> answers) {
        var xml = new StringBuilder("<data>");
        for (JsonObject answer : answers) {
            xml.append("<action type=\"").append(attribute(answer.getString("action"))).append('"');
            // sid and tid are plain ids (GanttSaves refuses any other) or numbers
            if (answer.get("sid") instanceof JsonString sid) xml.append(" sid=\"").append(attribute(sid.getString())).append('"');
            if (answer.containsKey("tid")) xml.append(" tid=\"").append(answer.get("tid")).append('"');
            if (answer.get("item") instanceof JsonObject item && item.containsKey("version")) {
                xml.append(" version=\"").append(item.get("version")).append('"');
            }
            if (answer.get("message") instanceof JsonString message) {
                xml.append(" message=\"").append(attribute(message.getString())).append("\">").append(attribute(message.getString())).append("</action>");
            } else {
                xml.append("/>");
            }
        }
        return xml.append("</data>").toString();
    }

    /** Escaped for an attribute or text; control characters XML 1.0 cannot carry become U+FFFD. */
    private static String attribute(String value) {
        var out = new StringBuilder(value.length() + 8);
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.appendCodePoint(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? 0xFFFD : c);
            }
        });
        return out.toString();
    }
}
