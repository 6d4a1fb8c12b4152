package io.liveupdate.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A calendar of the test's own, so tests never see each other's events. */
public final class TestCalendar {

    public final String name = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    public final String url = "api/calendars/" + name + "/events";
    private final Http http;

    public TestCalendar(Http http) {
        this.http = http;
    }

    /** Inserts through REST-JSON and returns the server id. */
    public long insert(String start, String end, String text) {
        var answer = Http.json(http.post(url, Http.JSON,
                "{\"start_date\":\"" + start + "\",\"end_date\":\"" + end + "\",\"text\":\"" + text + "\"}"));
        return answer.getJsonNumber("tid").longValue();
    }

    /** Inserts any JSON fields through REST-JSON and returns the server id. */
    public long insertJson(String json) {
        return Http.json(http.post(url, Http.JSON, json)).getJsonNumber("tid").longValue();
    }

    /** The loaded events by id. */
    public Map<Long, JsonObject> load() {
        return load("");
    }

    public Map<Long, JsonObject> load(String query) {
        var body = Http.json(http.get(url + query));
        return body.getJsonArray("data").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(e -> e.getJsonNumber("id").longValue(), e -> e));
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String enc(String s) {
        // encodeURIComponent, as the dataProcessor does: '!' stays literal
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%21", "!");
    }

    public static boolean isNull(JsonObject o, String key) {
        return !o.containsKey(key) || o.get(key) == JsonValue.NULL;
    }
}
