package io.liveupdate.connector;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dates the way the v7 client's lenient parser does, so whatever format a front end saves with
 * is understood: "%Y-%m-%d %H:%i" (v7 default, with or without seconds, '-' or '/'), "%m/%d/%Y %H:%i"
 * (the pre-7 xml_date default), "%d-%m-%Y %H:%i" (api_date, used by the legacy live-update payload),
 * ISO 8601, and epoch milliseconds. Times are wall-clock; a time with a zone or offset, and epoch
 * milliseconds, are taken as UTC (the scheduler's server_utc convention).
 * <p>
 * Every text is bounded to {@link #MAX_LENGTH} before any pattern sees it, and every pattern is anchored and made of
 * fixed separators between bounded digit runs, so no input can make a match backtrack: the cost is linear and small.
 */
public final class SchedulerDates {

    private static final String TIME = "(?:[ T](\\d{1,2}):(\\d{1,2})(?::(\\d{1,2}))?)?";
    private static final Pattern YEAR_FIRST = Pattern.compile("(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})" + TIME);
    private static final Pattern MONTH_FIRST = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})" + TIME);
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})-(\\d{1,2})-(\\d{4})" + TIME);
    private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{9,15}");
    /** ISO date-time with a zone: the only shape OffsetDateTime.parse accepts, so nothing else need try it. */
    private static final Pattern ZONED_ISO =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}(:?)\\d{2})");

    /** The longest date text read at all (the longest accepted form, ISO with nanoseconds and offset, has 35). */
    public static final int MAX_LENGTH = 64;

    private SchedulerDates() {
    }

    /** Whether {@code text} is too long to be a date: callers refuse it with {@link #tooLong} before anything else. */
    public static boolean isTooLong(String text) {
        return text != null && text.length() > MAX_LENGTH;
    }

    /** The reason for refusing an over-long date, naming the field but not repeating its text. */
    public static String tooLong(String field, String text) {
        return field + " has " + text.length() + " characters; a date has at most " + MAX_LENGTH;
    }

    /** The wall-clock time in {@code text}, or empty when no accepted format matches (or it is over-long). */
    public static Optional<LocalDateTime> parse(String text) {
        if (text == null || isTooLong(text)) return Optional.empty();
        String s = text.trim();
        if (s.isEmpty()) return Optional.empty();
        try {
            if (EPOCH_MILLIS.matcher(s).matches()) return Optional.of(fromEpochMillis(Long.parseLong(s)));
            Matcher m;
            if ((m = ZONED_ISO.matcher(s)).matches()) return Optional.of(zoned(s, m.group(1)));
            if ((m = YEAR_FIRST.matcher(s)).matches()) return Optional.of(build(m, 1, 2, 3));
            if ((m = MONTH_FIRST.matcher(s)).matches()) return Optional.of(build(m, 3, 1, 2));
            if ((m = DAY_FIRST.matcher(s)).matches()) return Optional.of(build(m, 3, 2, 1));
            return Optional.of(LocalDateTime.parse(s)); // ISO local date-time with fractions
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static LocalDateTime fromEpochMillis(long millis) {
        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    /** @param offsetColon the ":" of a numeric offset, "" for one written +HHMM (java.time wants +HH:MM), null for Z */
    private static LocalDateTime zoned(String s, String offsetColon) {
        boolean compactOffset = offsetColon != null && offsetColon.isEmpty();
        String normalised = compactOffset ? s.substring(0, s.length() - 2) + ":" + s.substring(s.length() - 2) : s;
        return OffsetDateTime.parse(normalised).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
    }

    private static LocalDateTime build(Matcher m, int year, int month, int day) {
        var date = LocalDate.of(Integer.parseInt(m.group(year)), Integer.parseInt(m.group(month)), Integer.parseInt(m.group(day)));
        int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
        int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
        return date.atTime(hour, minute, second);
    }
}
