package io.liveupdate.calendar.connector;

import io.liveupdate.connector.MalformedRequestException;
import io.liveupdate.wire.DatePattern;

/**
 * The date format a page asked for with {@code date_format}: short, made only of {@link DatePattern#TOKENS} and
 * {@link #SEPARATORS}, with at least one token. Anything else is refused, never copied into every date of the
 * answer (a long format would multiply the answer's size by its length).
 */
final class RequestedDates {

    /** The longest format a page may ask for; the longest useful one ("%Y-%m-%d %H:%i:%s") has 17 characters. */
    static final int MAX_LENGTH = 32;
    /** What may stand between tokens: the separators of every date format the scheduler ships. */
    static final String SEPARATORS = " -/.:,T";

    private RequestedDates() {
    }

    static DatePattern of(String format) {
        if (format.length() > MAX_LENGTH) {
            throw new MalformedRequestException("date_format has " + format.length() + " characters; at most " + MAX_LENGTH);
        }
        boolean anyToken = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '%' && i + 1 < format.length() && DatePattern.TOKENS.indexOf(format.charAt(i + 1)) >= 0) {
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
        return problem + ": use the tokens %" + String.join(" %", DatePattern.TOKENS.split("")) + " and the separators '" + SEPARATORS + "'";
    }
}
