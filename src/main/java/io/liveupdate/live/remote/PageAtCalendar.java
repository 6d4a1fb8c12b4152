package io.liveupdate.live.remote;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * One page's view of one calendar, as its position is stored: the page by the SHA-256 of its handshake key (a key
 * is a credential until it expires, so it is never stored or logged), the calendar by name.
 */
record PageAtCalendar(String page, String calendar) implements Comparable<PageAtCalendar> {

    /** The page of a key, as {@link SharedPositions} stores it: base64url of its SHA-256, 43 characters. */
    static PageAtCalendar of(String pageKey, String calendar) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pageKey.getBytes(StandardCharsets.UTF_8));
            return new PageAtCalendar(Base64.getUrlEncoder().withoutPadding().encodeToString(digest), calendar);
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
        return "page " + page.substring(0, 8) + "… of calendar " + calendar;
    }
}
