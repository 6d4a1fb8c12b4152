import io.liveupdate.calendar.CustomFields;
import io.liveupdate.calendar.connector.DatePattern;
import io.liveupdate.calendar.connector.EventDataReader;
import io.liveupdate.calendar.connector.FormData;
import io.liveupdate.calendar.connector.SaveRequestReader;
import io.liveupdate.calendar.connector.SchedulerDates;
import io.liveupdate.input.PlainId;
import io.liveupdate.json.Json;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Issue 17: times every date, format and id field the connector reads, with long and pathological input (1k to 1M
 * characters: runs of 'T', '%', digits, '_', markup), through the same code a request runs (the reader of each save
 * mode, the date and format parsers, the id and colour rules). Prints the cost of one call (the fastest of many) at each length and
 * the growth exponent of the steepest step between two lengths (0 constant, 1 linear, 2 quadratic), and flags
 * super-linear growth (exponent over 1.5) or a call over a second. Not a test: figures depend on the machine; run it with bench/input-fuzz.sh.
 */
public class ConnectorInputFuzz {

    private static final int[] LENGTHS = {1_000, 10_000, 100_000, 1_000_000};
    private static final long BUDGET_NANOS = 200_000_000L; // per measurement
    private static final long TOO_SLOW_NANOS = 1_000_000_000L;
    /**
     * Linear is 1, quadratic 2. On a busy 2-core box, with medians, one 10x step of a linear field measured up to 1.56
     * (GC and the other processes at 1M characters); with the fastest call, at most 1.1. The flag sits between 1 and 2.
     */
    private static final double SUPER_LINEAR = 1.5;

    record Family(String name, IntFunction<String> input) {
    }

    record Field(String name, List<Family> families, Consumer<String> call) {
    }

    static String repeat(String unit, int n) {
        var out = new StringBuilder(n + unit.length());
        while (out.length() < n) out.append(unit);
        out.setLength(n);
        return out.toString();
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static final Family T_RUN = new Family("T-run", n -> repeat("T", n));
    static final Family ZONED_T = new Family("2025-04-01T+T-run+Z", n -> "2025-04-01T" + repeat("T", n) + "Z");
    static final Family DIGITS = new Family("digits", n -> repeat("1", n));
    static final Family PERCENT = new Family("%-run", n -> repeat("%", n));
    static final Family TOKENS = new Family("%Y-run", n -> repeat("%Y", n));
    static final Family MARKUP = new Family("markup", n -> repeat("<img src=x onerror=alert(1)>", n));
    static final Family UNDERSCORES = new Family("_-run", n -> repeat("_", n));
    static final Family COLOUR = new Family("rgb(1,1,1,...)", n -> "rgb(" + repeat("1,", n) + ")");

    /** Every field, called the way a request reaches it. */
    static List<Field> fields() {
        List<Family> dates = List.of(T_RUN, ZONED_T, DIGITS, PERCENT, MARKUP);
        List<Family> ids = List.of(DIGITS, UNDERSCORES, MARKUP, T_RUN);
        return List.of(
                new Field("start_date (SchedulerDates.parse)", dates, s -> SchedulerDates.parse(s)),
                new Field("start_date, JSON save (EventDataReader)", dates, s -> {
                    try {
                        EventDataReader.read(Map.of("start_date", Json.createValue(s)));
                    } catch (RuntimeException refused) {
                        // InvalidEventException: what a save answers "invalid"
                    }
                }),
                new Field("start_date, batched form save (reader+dates)", dates, s -> {
                    var save = SaveRequestReader.read("POST", null, "application/x-www-form-urlencoded", null,
                            utf8("ids=1&1_!nativeeditor_status=inserted&1_start_date=" + enc(s)));
                    try {
                        EventDataReader.read(save.orElseThrow().rows().get(0).fields());
                    } catch (RuntimeException refused) {
                        // invalid
                    }
                }),
                new Field("from, load query (FormData+dates)", dates, s -> {
                    String from = FormData.parse("from=" + enc(s) + "&to=2025-05-01").get("from");
                    if (!SchedulerDates.isTooLong(from)) SchedulerDates.parse(from);
                }),
                new Field("date_format (DatePattern.requested)", List.of(PERCENT, TOKENS, MARKUP, T_RUN), s -> {
                    try {
                        DatePattern.requested(s);
                    } catch (RuntimeException refused) {
                        // 400
                    }
                }),
                new Field("id (PlainId.isPlain)", ids, PlainId::isPlain),
                new Field("ids list, batched form save", List.of(DIGITS, UNDERSCORES, MARKUP,
                        new Family("1,2,3,...", n -> {
                            var out = new StringBuilder();
                            for (int i = 0; out.length() < n; i++) out.append(i).append(',');
                            return out.toString();
                        })), s -> SaveRequestReader.read("POST", null, "application/x-www-form-urlencoded", null,
                                utf8("ids=" + enc(s) + "&1_text=x"))),
                new Field("<id>_field key, batched form save", List.of(UNDERSCORES, DIGITS, MARKUP), s ->
                        SaveRequestReader.read("POST", null, "application/x-www-form-urlencoded", null,
                                utf8("ids=1,a_b&" + enc(s) + "=x&a_" + enc(s) + "_text=y"))),
                new Field("JSON mode id", ids, s -> SaveRequestReader.read("POST", null, "application/json", null,
                        utf8(Json.createObjectBuilder().add("id", s).add("action", "inserted").add("data", JsonValue.EMPTY_JSON_OBJECT).build().toString()))),
                new Field("REST path id (PUT)", ids, s -> SaveRequestReader.read("PUT", s, "application/json", null, utf8("{\"text\":\"x\"}"))),
                new Field("color (CustomFields.problem)", List.of(COLOUR, MARKUP, T_RUN, new Family("#hex-run", n -> "#" + repeat("f", n))),
                        s -> CustomFields.problem("color", Json.createValue(s))),
                new Field("custom field name, JSON save", List.of(UNDERSCORES, MARKUP, new Family("$-run", n -> repeat("$", n))),
                        s -> EventDataReader.read(Map.of(s, Json.createValue("v")))));
    }

    /**
     * The fastest of the calls' nanoseconds (contention on a shared box only ever adds time: the minimum is the cost of
     * the code itself), or the negated time of a call over a second (larger lengths are then skipped).
     */
    static long time(Consumer<String> call, String input) {
        List<Long> samples = new ArrayList<>();
        long spent = 0;
        while (samples.size() < 5 || (spent < BUDGET_NANOS && samples.size() < 200)) {
            long start = System.nanoTime();
            try {
                call.accept(input);
            } catch (RuntimeException refused) {
                // a refusal (400, "invalid") is the normal outcome for most of this input
            }
            long took = System.nanoTime() - start;
            if (took > TOO_SLOW_NANOS) return -took;
            samples.add(took);
            spent += took;
        }
        samples.sort(null);
        return samples.get(0);
    }

    public static void main(String[] args) {
        var fields = fields();
        // warm-up: let the JIT compile every path at a small length first
        for (Field field : fields) for (Family family : field.families()) for (int i = 0; i < 2_000; i++) field.call().accept(family.input().apply(200));

        System.out.printf(Locale.ROOT, "%-46s %-22s %12s %12s %12s %12s %9s  %s%n", "field", "input", "1k", "10k", "100k", "1M", "max exp.", "verdict");
        int flagged = 0;
        for (Field field : fields) {
            for (Family family : field.families()) {
                Map<Integer, Long> nanos = new LinkedHashMap<>();
                boolean tooSlow = false;
                // two passes, the faster of each kept: one JIT or GC hiccup must not read as a growth
                for (int pass = 0; pass < 2 && !tooSlow; pass++) {
                    for (int n : LENGTHS) {
                        long t = time(field.call(), family.input().apply(n));
                        if (t < 0) {
                            nanos.merge(n, -t, Math::min);
                            tooSlow = true;
                            break;
                        }
                        nanos.merge(n, t, Math::min);
                    }
                }
                // the steepest step between two lengths: a cost that turns quadratic only at large input shows there
                double exponent = Double.NaN;
                Integer previous = null;
                for (int n : nanos.keySet()) {
                    if (previous != null) {
                        double step = Math.log((double) Math.max(nanos.get(n), 1) / Math.max(nanos.get(previous), 1)) / Math.log((double) n / previous);
                        exponent = Double.isNaN(exponent) ? step : Math.max(exponent, step);
                    }
                    previous = n;
                }
                boolean superLinear = tooSlow || exponent > SUPER_LINEAR;
                if (superLinear) flagged++;
                String[] cells = new String[LENGTHS.length];
                for (int i = 0; i < LENGTHS.length; i++) cells[i] = nanos.containsKey(LENGTHS[i]) ? human(nanos.get(LENGTHS[i])) : "skipped";
                System.out.printf(Locale.ROOT, "%-46s %-22s %12s %12s %12s %12s %9.2f  %s%n", field.name(), family.name(),
                        cells[0], cells[1], cells[2], cells[3], exponent,
                        tooSlow ? "SUPER-LINEAR (a call took over 1 s)" : superLinear ? "SUPER-LINEAR" : exponent < 0.3 ? "constant (bounded)" : "linear");
            }
        }
        System.out.println(flagged == 0 ? "no field grows faster than linearly" : flagged + " field/input pairs grow faster than linearly");
        System.exit(flagged == 0 ? 0 : 1);
    }

    static String human(long nanos) {
        if (nanos < 10_000) return nanos + " ns";
        if (nanos < 10_000_000) return String.format(Locale.ROOT, "%.1f us", nanos / 1e3);
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
