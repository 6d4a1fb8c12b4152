package io.liveupdate.wire;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * Writes dates with a dhtmlx format string such as "%Y-%m-%d %H:%i" (the v7 date_format default) or
 * "%m/%d/%Y %H:%i" (the pre-7 xml_date default). Supported: %Y %y %m %n %d %j %H %G %i %s; anything
 * else is copied as it is.
 */
public final class DatePattern {

    /** dhtmlxScheduler 7's date_format default: what it saves and what it parses fastest. */
    public static final DatePattern V7_DEFAULT = new DatePattern("%Y-%m-%d %H:%i");
    /** The api_date format the legacy live-update plugin reads. */
    public static final DatePattern API_DATE = new DatePattern("%d-%m-%Y %H:%i");

    /** The tokens both the scheduler's parser (date.str_to_date) reads and {@link #format} writes. */
    public static final String TOKENS = "YymndjHGis";

    private final String pattern;

    public DatePattern(String pattern) {
        this.pattern = Objects.requireNonNull(pattern);
    }

    public String format(LocalDateTime t) {
        var out = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c != '%' || i + 1 == pattern.length()) {
                out.append(c);
                continue;
            }
            char token = pattern.charAt(++i);
            switch (token) {
                case 'Y' -> out.append(String.format("%04d", t.getYear()));
                case 'y' -> out.append(two(t.getYear() % 100));
                case 'm' -> out.append(two(t.getMonthValue()));
                case 'n' -> out.append(t.getMonthValue());
                case 'd' -> out.append(two(t.getDayOfMonth()));
                case 'j' -> out.append(t.getDayOfMonth());
                case 'H' -> out.append(two(t.getHour()));
                case 'G' -> out.append(t.getHour());
                case 'i' -> out.append(two(t.getMinute()));
                case 's' -> out.append(two(t.getSecond()));
                default -> out.append('%').append(token);
            }
        }
        return out.toString();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    @Override
    public String toString() {
        return pattern;
    }
}
