package io.liveupdate.remote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * One page's view of one calendar or chart, as its position is stored: the page by the SHA-256 of its handshake key
 * (a key is a credential until it expires, so it is never stored or logged), the calendar or chart by name. A chart's
 * page hashes {@value #GANTT_PAGE} before the key, so that it never shares a row with the calendar of the same name
 * (a key is not bound to what its handshake named) and the table keeps its columns.
 */
record PageAtCalendar(String page, String calendar) implements Comparable<PageAtCalendar> {

    static final String GANTT_PAGE = "gantt:";

    /** The page of a key on a calendar, as {@link SharedPositions} stores it: base64url of its SHA-256, 43 characters. */
    static PageAtCalendar of(String pageKey, String calendar) {
        return new PageAtCalendar(digest(pageKey), calendar);
    }

    /** The page of a key on what it follows. */
    static PageAtCalendar of(String pageKey, RemoteTarget target) {
        return target.kind() == RemoteTarget.Kind.CALENDAR ? of(pageKey, target.name())
                : new PageAtCalendar(digest(GANTT_PAGE + pageKey), target.name());
    }

    private static String digest(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Rows are written in this order on every node, so two nodes' batches never wait for each other in a circle. */
    @Override
    public int compareTo(PageAtCalendar other) {
        int byPage = page.compareTo(other.page);
        return byPage != 0 ? byPage : calendar.compareTo(other.calendar);
    }

    @Override
    public String toString() {
        return "page " + page.substring(0, 8) + "… of " + calendar;
    }
}
