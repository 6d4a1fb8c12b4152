package io.liveupdate.bayeux;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A channel name ({@code /a/b}) or pattern ({@code /a/*}, {@code /a/**}), valid by Faye's grammar
 * ({@code faye/src/protocol/grammar.js}): segments of {@code [A-Za-z0-9-_!~()$@]}, and a wildcard only as
 * the trailing segment. {@code /*} matches exactly one more segment, {@code /**} one or more.
 * Equal by its text. Immutable and thread-safe.
 */
public final class ChannelId {

    private static final String SEGMENT = "[A-Za-z0-9\\-_!~()$@]+";
    private static final Pattern NAME = Pattern.compile("(/" + SEGMENT + ")+");
    private static final Pattern PATTERN = Pattern.compile("(/" + SEGMENT + ")*/\\*{1,2}");

    private final String id;
    private final List<String> segments;

    private ChannelId(String id) {
        this.id = id;
        this.segments = List.of(id.substring(1).split("/"));
    }

    /** @throws IllegalArgumentException if {@code id} is neither a valid name nor a valid pattern */
    public static ChannelId of(String id) {
        return parse(id).orElseThrow(() -> new IllegalArgumentException("invalid channel: " + id));
    }

    /** The channel, or empty if {@code id} is null or neither a valid name nor a valid pattern. */
    public static Optional<ChannelId> parse(String id) {
        if (id == null || !(NAME.matcher(id).matches() || PATTERN.matcher(id).matches())) return Optional.empty();
        return Optional.of(new ChannelId(id));
    }

    /** True for {@code /*} and {@code /**} patterns; a publish needs a plain name. */
    public boolean isWild() {
        return last().startsWith("*");
    }

    public boolean isDeepWild() {
        return last().equals("**");
    }

    /** {@code /meta} and everything under it: protocol channels no client may subscribe or publish to. */
    public boolean isMeta() {
        return segments.get(0).equals("meta");
    }

    /** {@code /service} and everything under it: client-to-server messages, never broadcast. */
    public boolean isService() {
        return segments.get(0).equals("service");
    }

    /**
     * The patterns that match this name, so a publish looks up only these and never scans all subscriptions:
     * {@code /a/b/c} gives {@code /a/b/*, /a/b/**, /a/**, /**}.
     *
     * @throws IllegalStateException if this is itself a pattern
     */
    public List<String> wildIds() {
        if (isWild()) throw new IllegalStateException("a pattern has no wildcard ancestors: " + id);
        var ids = new ArrayList<String>(segments.size() + 1);
        String parent = id.substring(0, id.lastIndexOf('/'));
        ids.add(parent + "/*");
        for (int slash = parent.length(); slash >= 0; slash = slash == 0 ? -1 : id.lastIndexOf('/', slash - 1)) {
            ids.add(id.substring(0, slash) + "/**");
        }
        return ids;
    }

    /** Whether a message published on {@code name} reaches a subscriber of this channel or pattern. */
    public boolean matches(ChannelId name) {
        return !name.isWild() && (equals(name) || name.wildIds().contains(id));
    }

    public List<String> segments() {
        return segments;
    }

    private String last() {
        return segments.get(segments.size() - 1);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelId that && id.equals(that.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
