package io.liveupdate.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;

/** A small HTTP client for the tests: sends what the dataProcessor sends, headers included. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";
    public static final String JSON = "application/json";

    private final URI base;

    public Http(URI base) {
        this.base = base;
    }

    public HttpResponse<String> get(String pathAndQuery, String... headers) {
        return send(request(pathAndQuery, headers).GET());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(request(path, "Content-Type", contentType).POST(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> put(String path, String contentType, String body) {
        return send(request(path, "Content-Type", contentType).PUT(BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path, "Content-Type", FORM).DELETE());
    }

    public HttpResponse<String> send(HttpRequest.Builder builder) {
        try {
            return CLIENT.send(builder.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public HttpRequest.Builder request(String pathAndQuery, String... headers) {
        var builder = HttpRequest.newBuilder(base.resolve(pathAndQuery.startsWith("/") ? pathAndQuery.substring(1) : pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header("X-Requested-With", "XMLHttpRequest");
        for (int i = 0; i + 1 < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
        return builder;
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    public static Document xml(HttpResponse<String> response) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setCoalescing(true); // CDATA sections split around "]]>" read back as one text
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + response.body(), e);
        }
    }
}
