package io.liveupdate.calendar.connector;

import io.liveupdate.calendar.CollectionOption;
import io.liveupdate.calendar.CollectionService;
import io.liveupdate.calendar.EventService;
import io.liveupdate.calendar.EventView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.liveupdate.json.Json;
import io.liveupdate.wire.EventWriter;
import io.liveupdate.wire.Xml;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.Map;

/** Writes a load answer: {"data":[...],"collections":{...}} or connector XML with coll_options. */
@ApplicationScoped
public class EventLoader {

    @Inject
    EventService events;
    @Inject
    CollectionService collections;

    String json(String calendar, LoadRequest request) {
        var writer = new EventWriter(request.dates());
        JsonArrayBuilder data = Json.createArrayBuilder();
        events(calendar, request).forEach(event -> data.add(writer.json(event)));
        JsonObjectBuilder collectionsJson = Json.createObjectBuilder();
        collections.collectionsOf(calendar).forEach((name, options) -> {
            JsonArrayBuilder items = Json.createArrayBuilder();
            options.forEach(o -> items.add(Json.createObjectBuilder().add("value", o.value()).add("label", o.label())));
            collectionsJson.add(name, items);
        });
        return Json.createObjectBuilder().add("data", data).add("collections", collectionsJson).build().toString();
    }

    String xml(String calendar, LoadRequest request) {
        var writer = new EventWriter(request.dates());
        var out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><data>");
        events(calendar, request).forEach(event -> writer.xml(event, out));
        for (Map.Entry<String, List<CollectionOption>> collection : collections.collectionsOf(calendar).entrySet()) {
            out.append("<coll_options for=\"").append(Xml.attribute(collection.getKey())).append("\">");
            collection.getValue().forEach(o -> out.append("<item value=\"").append(Xml.attribute(o.value()))
                    .append("\" label=\"").append(Xml.attribute(o.label())).append("\"/>"));
            out.append("</coll_options>");
        }
        return out.append("</data>").toString();
    }

    private List<EventView> events(String calendar, LoadRequest request) {
        return events.load(calendar, request.from(), request.to());
    }
}
