package io.liveupdate.input;

import java.util.regex.Pattern;

/**
 * The ids the server accepts from a client (an event's id or temporary id, a storage item's id, a relayed id):
 * 1 to 64 of {@code A-Z a-z 0-9 _ -}, or a JSON number. The front ends write ids into HTML attributes and
 * selectors without escaping them, so anything else could carry markup into every page that shows the item.
 */
public final class PlainId {

    public static final int MAX_LENGTH = 64;
    /** A possessive class: a match can never backtrack, whatever the input. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_-]{1," + MAX_LENGTH + "}+");

    private PlainId() {
    }

    public static boolean isPlain(String id) {
        return id != null && id.length() <= MAX_LENGTH && PLAIN.matcher(id).matches();
    }

    /** What a refusal says, for an answer or a log line. */
    public static String rule() {
        return "ids are 1 to " + MAX_LENGTH + " letters, digits, '_' or '-'";
    }
}
