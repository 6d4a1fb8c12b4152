package io.liveupdate.calendar.connector;

import io.liveupdate.json.Json;
import io.liveupdate.wire.EventWriter;
import io.liveupdate.wire.Xml;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/** Writes save answers exactly as the dataProcessor reads them (client-protocols.md 2.6). */
public final class SaveAnswerWriter {

    private final EventWriter events;

    public SaveAnswerWriter(EventWriter events) {
        this.events = events;
    }

    /** {@code <data><action type sid tid>reason</action>...</data>}, one action per row, in request order. */
    public String xml(List<RowOutcome> outcomes) {
        var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><data>");
        for (RowOutcome o : outcomes) {
            out.append("<action type=\"").append(Xml.attribute(o.action()))
                    .append("\" sid=\"").append(Xml.attribute(text(o.sid())))
                    .append("\" tid=\"").append(Xml.attribute(text(o.tid()))).append('"');
            if (o.message() != null) out.append(" message=\"").append(Xml.attribute(o.message())).append('"');
            // The stored version, so a page can keep editing the row it just saved (or learn the one that won).
            if (o.item() != null) out.append(" version=\"").append(o.item().version()).append('"');
            out.append('>');
            if (o.message() != null) out.append(Xml.cdata(o.message()));
            out.append("</action>");
        }
        return out.append("</data>").toString();
    }

    /** {@code {"action","sid","tid"}} plus the stored item (MUB's "item") or the refusal's message. */
    public String json(RowOutcome o) {
        JsonObjectBuilder json = Json.createObjectBuilder().add("action", o.action());
        if (o.sid() != null) json.add("sid", o.sid());
        if (o.tid() != null) json.add("tid", o.tid());
        if (o.message() != null) json.add("message", o.message());
        if (o.item() != null) json.add("item", events.json(o.item()));
        return json.build().toString();
    }

    private static String text(JsonValue value) {
        if (value == null || value == JsonValue.NULL) return "";
        return value instanceof JsonString s ? s.getString() : value.toString();
    }
}
