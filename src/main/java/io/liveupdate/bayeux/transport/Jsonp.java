package io.liveupdate.bayeux.transport;

import java.util.regex.Pattern;

/** JSONP as Faye answers it: {@code /**}{@code /cb([...]);}, with the callback name checked like Faye does. */
final class Jsonp {

    private static final Pattern CALLBACK = Pattern.compile("^[a-z_$][a-z0-9_$]*(\\.[a-z_$][a-z0-9_$]*)*$", Pattern.CASE_INSENSITIVE);

    private Jsonp() {
    }

    static boolean isValidCallback(String name) {
        return name.length() <= 128 && CALLBACK.matcher(name).matches();
    }

    static String wrap(String callback, String json) {
        return "/**/" + callback + "(" + json + ");";
    }
}
