package io.liveupdate.calendar.connector;

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

    /** The longest format a page may ask for; the longest useful one ("%Y-%m-%d %H:%i:%s") has 17 characters. */
    public static final int MAX_REQUESTED_LENGTH = 32;
    /** The tokens both the scheduler's parser (date.str_to_date) reads and {@link #format} writes. */
    static final String TOKENS = "YymndjHGis";
    /** What may stand between tokens: the separators of every date format the scheduler ships. */
    static final String SEPARATORS = " -/.:,T";

    private final String pattern;

    public DatePattern(String pattern) {
        this.pattern = Objects.requireNonNull(pattern);
    }

    /**
     * The format a page asked for with {@code date_format}: short, made only of {@link #TOKENS} and
     * {@link #SEPARATORS}, with at least one token. Anything else is refused, never copied into every date of the
     * answer (a long format would multiply the answer's size by its length).
     */
    public static DatePattern requested(String format) {
        if (format.length() > MAX_REQUESTED_LENGTH) {
            throw new MalformedRequestException("date_format has " + format.length() + " characters; at most " + MAX_REQUESTED_LENGTH);
        }
        boolean anyToken = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length() && TOKENS.indexOf(format.charAt(i + 1)) >= 0) {
                anyToken = true;
                i++;
            } else if (SEPARATORS.indexOf(c) < 0) {
                throw new MalformedRequestException(rule("date_format may not contain " + (c == '%' ? "'%' without a token" : "'" + c + "'")));
            }
        }
        if (!anyToken) throw new MalformedRequestException(rule("date_format has no token"));
        return new DatePattern(format);
    }

    private static String rule(String problem) {
        return problem + ": use the tokens %" + String.join(" %", TOKENS.split("")) + " and the separators '" + SEPARATORS + "'";
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
