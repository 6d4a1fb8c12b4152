package io.liveupdate.bench;

/**
 * The marker a measured message carries: {@code bn:<sequence> bt:<nanoTime when sent>}, inside a publish's data
 * or a saved event's text. Every protocol delivers it somewhere in a text frame, so one scan of the frame finds
 * it whatever JSON shape wraps it (Bayeux event, legacy {@code /update} payload, RemoteEvents frame). The load
 * generator is one JVM, so send and receive times come from the same clock.
 */
final class Probe {

    interface Sink {
        void received(long sequence, long sentNanos);
    }

    private Probe() {
    }

    static String marker(long sequence, long sentNanos) {
        return "bn:" + sequence + " bt:" + sentNanos;
    }

    /** Calls the sink for every marker in the frame, in frame order; returns how many it found. */
    static int scan(CharSequence frame, Sink sink) {
        int found = 0;
        int length = frame.length();
        for (int i = indexOf(frame, 'b', 'n', 0); i >= 0; i = indexOf(frame, 'b', 'n', i)) {
            int end = skipDigits(frame, i + 3);
            if (end == i + 3 || end + 4 > length || frame.charAt(end) != ' ' || frame.charAt(end + 1) != 'b'
                    || frame.charAt(end + 2) != 't' || frame.charAt(end + 3) != ':') {
                i += 2;
                continue;
            }
            long sequence = parse(frame, i + 3, end);
            int timeEnd = skipDigits(frame, end + 4);
            if (timeEnd == end + 4) {
                i = end;
                continue;
            }
            sink.received(sequence, parse(frame, end + 4, timeEnd));
            found++;
            i = timeEnd;
        }
        return found;
    }

    private static int indexOf(CharSequence s, char a, char b, int from) {
        for (int i = from, n = s.length() - 2; i < n; i++) {
            if (s.charAt(i) == a && s.charAt(i + 1) == b && s.charAt(i + 2) == ':') return i;
        }
        return -1;
    }

    private static int skipDigits(CharSequence s, int from) {
        int i = from;
        int n = s.length();
        if (i < n && s.charAt(i) == '-') i++;
        while (i < n && Character.isDigit(s.charAt(i))) i++;
        return i;
    }

    private static long parse(CharSequence s, int from, int to) {
        return Long.parseLong(s, from, to, 10);
    }
}
