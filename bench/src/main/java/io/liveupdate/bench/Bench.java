package io.liveupdate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The load generator. One scenario per run; the figures are printed as text and as one {@code JSON {...}} line
 * (also appended to {@code --json-out} when given).
 *
 * <pre>
 * java -jar live-update-bench.jar fanout --url http://127.0.0.1:8780/sync --subscribers 1000 --rate 20 [--transport long-polling]
 * java -jar live-update-bench.jar fanout --url ... --subscribers 100            (no rate: as fast as the slowest keeps up)
 * java -jar live-update-bench.jar idle   --url ... --subscribers 20000
 * java -jar live-update-bench.jar save   --url ... --subscribers 1000 --rate 50 [--via remote]
 * java -jar live-update-bench.jar cluster-save --urls http://127.0.0.1:8780/sync,http://127.0.0.1:8830/sync --pids p1,p2 --subscribers 1000 --rate 50
 * java -jar live-update-bench.jar compare ours.jsonl faye.jsonl
 * java -jar live-update-bench.jar cluster-summary cluster.jsonl
 * common: --server-pid (CPU, RSS from /proc) --label --name --warmup s --duration s --json-out file
 * </pre>
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: fanout|idle|save --url <bayeux url> | cluster-save --urls <url1,url2> [--name value ...] | compare <ours.jsonl> <theirs.jsonl> | cluster-summary <runs.jsonl>");
            System.exit(2);
        }
        if (args[0].equals("compare")) {
            Comparison.print(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        if (args[0].equals("cluster-summary")) {
            ClusterSummary.print(Path.of(args[1]));
            return;
        }
        var options = new Options(java.util.Arrays.copyOfRange(args, 1, args.length));
        Report report = switch (args[0]) {
            case "fanout" -> FanOutScenario.run(options);
            case "idle" -> IdleScenario.run(options);
            case "save" -> SaveScenario.run(options);
            case "cluster-save" -> ClusterSaveScenario.run(options);
            default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
        };
        System.out.println(report.text());
        System.out.println("JSON " + report.json());
        String out = options.string("json-out", null);
        if (out != null) append(Path.of(out), report.json());
        System.exit(0);   // the HTTP clients' threads would keep the JVM alive
    }

    private static void append(Path file, String line) throws IOException {
        Files.writeString(file, line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
