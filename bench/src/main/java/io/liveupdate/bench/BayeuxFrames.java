package io.liveupdate.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few Bayeux messages the load generator sends, and what it needs from the replies. Replies are read by
 * pattern, not parsed: an event frame is only scanned for {@link Probe} markers, so receiving costs the client
 * little and the server stays the bottleneck.
 */
final class BayeuxFrames {

    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern CONNECT = Pattern.compile("\"channel\"\\s*:\\s*\"/meta/connect\"");
    private static final Pattern FAILED = Pattern.compile("\"successful\"\\s*:\\s*false");

    private BayeuxFrames() {
    }

    static String handshake(String connectionType) {
        return "[{\"channel\":\"/meta/handshake\",\"version\":\"1.0\",\"supportedConnectionTypes\":[\"" + connectionType
                + "\"],\"id\":\"h\"}]";
    }

    static String subscribe(String clientId, String channel) {
        return "[{\"channel\":\"/meta/subscribe\",\"clientId\":\"" + clientId + "\",\"subscription\":\"" + channel
                + "\",\"id\":\"s\"}]";
    }

    static String connect(String clientId, String connectionType) {
        return "[{\"channel\":\"/meta/connect\",\"clientId\":\"" + clientId + "\",\"connectionType\":\"" + connectionType
                + "\",\"id\":\"c\"}]";
    }

    /** Publishes of the given numbers, one message each, in one frame. */
    static String publishes(String clientId, String channel, long firstSequence, int count) {
        var frame = new StringBuilder(count * 120).append('[');
        for (int i = 0; i < count; i++) {
            if (i > 0) frame.append(',');
            frame.append("{\"channel\":\"").append(channel).append("\",\"clientId\":\"").append(clientId)
                    .append("\",\"data\":{\"m\":\"").append(Probe.marker(firstSequence + i, System.nanoTime()))
                    .append("\"},\"id\":\"p").append(firstSequence + i).append("\"}");
        }
        return frame.append(']').toString();
    }

    static boolean isMeta(String frame) {
        return frame.contains("/meta/");
    }

    static String clientId(CharSequence frame) {
        Matcher m = CLIENT_ID.matcher(frame);
        return m.find() ? m.group(1) : null;
    }

    static int connectReplies(CharSequence frame) {
        int n = 0;
        for (Matcher m = CONNECT.matcher(frame); m.find(); ) n++;
        return n;
    }

    static boolean hasFailure(CharSequence frame) {
        return FAILED.matcher(frame).find();
    }

}
