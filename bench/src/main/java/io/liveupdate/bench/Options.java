package io.liveupdate.bench;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Command-line options, {@code --name value}; see {@link Bench} for the list. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) throw new IllegalArgumentException("expected --name value at " + args[i]);
            values.put(args[i].substring(2), args[++i]);
        }
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String required(String name) {
        String value = values.get(name);
        if (value == null) throw new IllegalArgumentException("--" + name + " is required");
        return value;
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }

    double decimal(String name, double fallback) {
        return values.containsKey(name) ? Double.parseDouble(values.get(name)) : fallback;
    }

    long pid() {
        return Long.parseLong(string("server-pid", "0"));
    }

    /** The Bayeux endpoint, e.g. {@code http://127.0.0.1:8780/sync} or a Faye server's {@code .../faye}. */
    URI url() {
        return URI.create(required("url"));
    }

    URI webSocketUrl() {
        return URI.create(url().toString().replaceFirst("^http", "ws"));
    }

    /** The server root, for the REST saves and the RemoteEvents handshake. */
    URI base() {
        URI url = url();
        return URI.create(string("base", url.getScheme() + "://" + url.getAuthority()));
    }
}
