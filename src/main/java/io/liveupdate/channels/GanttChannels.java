package io.liveupdate.channels;

import io.liveupdate.gantt.Gantts;
import java.util.Optional;

/**
 * A Gantt chart's live channel, {@code /gantts/<name>/update}: owned by the server (clients may subscribe, never
 * publish), numbered for catch-up ({@code live.GanttNumbering}), read with the grant on {@code gantt:<name>}.
 */
public final class GanttChannels {

    public static final String PREFIX = "/gantts/";
    private static final String SUFFIX = "/update";

    private GanttChannels() {
    }

    public static String updateChannel(String gantt) {
        return PREFIX + gantt + SUFFIX;
    }

    /** The chart whose update channel this is, if it is one. */
    public static Optional<String> ganttOf(String channel) {
        if (channel == null || !channel.startsWith(PREFIX) || !channel.endsWith(SUFFIX)) return Optional.empty();
        String name = channel.substring(PREFIX.length(), channel.length() - SUFFIX.length());
        return Gantts.isValidName(name) ? Optional.of(name) : Optional.empty();
    }

    /** Everything under {@code /gantts}: only the server publishes there. */
    public static boolean isServerOwned(String channel) {
        return channel.startsWith(PREFIX) || channel.equals("/gantts");
    }
}
