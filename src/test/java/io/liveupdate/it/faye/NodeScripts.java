package io.liveupdate.it.faye;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where the Node programs of the tests live ({@code src/test/node}) and how they are started.
 *
 * <p>The npm packages are pinned by {@code src/test/node/package-lock.json} and installed on first
 * use with {@code npm ci}, so a clean clone works without a separate step. Like
 * {@code src/frontend/build.sh}, a copy of the lock file in {@code node_modules/.lock-stamp} makes
 * later runs skip the install until the lock file changes.
 *
 * <p>System properties: {@code project.root} (failsafe passes it; otherwise surefire's
 * {@code basedir}, then the working directory), {@code node.executable} and {@code npm.executable}
 * (default {@code node} and {@code npm} from the PATH).
 */
public final class NodeScripts {

    private static final AtomicInteger LOG_SEQUENCE = new AtomicInteger();
    private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();
    private static boolean installed;

    static {
        // Last line of defence for a test that forgot close(): no Node process outlives the JVM.
        // (The scripts also exit by themselves when their stdin closes.)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE.forEach(NodeScripts::kill), "node-scripts-reaper"));
    }

    private NodeScripts() {
    }

    public static Path projectRoot() {
        for (String property : new String[] {"project.root", "basedir"}) {
            String value = System.getProperty(property);
            if (value != null && !value.isBlank() && Files.isDirectory(Path.of(value, "src", "test", "node"))) {
                return Path.of(value).toAbsolutePath();
            }
        }
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }

    public static Path nodeDir() {
        return projectRoot().resolve("src/test/node");
    }

    /** {@code target/faye-harness}: the Node processes' stderr and the npm log go there. */
    public static Path logDir() {
        Path dir = projectRoot().resolve("target/faye-harness");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** Runs {@code npm ci} in src/test/node unless node_modules matches package-lock.json already. */
    public static synchronized void ensureInstalled() {
        if (installed) {
            return;
        }
        Path dir = nodeDir();
        Path lock = dir.resolve("package-lock.json");
        Path stamp = dir.resolve("node_modules/.lock-stamp");
        // A file lock too, in case several test JVMs start at once.
        try (FileChannel channel = FileChannel.open(logDir().resolve("npm.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (!upToDate(lock, stamp, dir)) {
                Path log = logDir().resolve("npm-ci.log");
                Process npm = new ProcessBuilder(System.getProperty("npm.executable", "npm"), "ci", "--no-audit", "--no-fund", "--loglevel=error")
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                    kill(npm);
                    throw new IllegalStateException("npm ci in " + dir + " took more than 5 minutes; see " + log);
                }
                if (npm.exitValue() != 0) {
                    throw new IllegalStateException("npm ci in " + dir + " failed (exit " + npm.exitValue() + "):\n" + Files.readString(log));
                }
                Files.copy(lock, stamp, StandardCopyOption.REPLACE_EXISTING);
            }
            installed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install the Node packages of " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean upToDate(Path lock, Path stamp, Path dir) throws IOException {
        return Files.isRegularFile(dir.resolve("node_modules/faye/package.json"))
                && Files.isRegularFile(stamp)
                && Files.mismatch(lock, stamp) == -1;
    }

    /**
     * Starts {@code node src/test/node/<script> args...} with stdin and stdout as pipes and stderr
     * appended to {@code target/faye-harness/<logName>-<n>.log}.
     */
    public static Started start(String script, String logName, String... args) {
        ensureInstalled();
        List<String> command = new ArrayList<>();
        command.add(System.getProperty("node.executable", "node"));
        command.add(nodeDir().resolve(script).toString());
        command.addAll(List.of(args));
        Path log = logDir().resolve(logName + "-" + LOG_SEQUENCE.incrementAndGet() + ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(nodeDir().toFile())
                    .redirectError(ProcessBuilder.Redirect.to(log.toFile()))
                    .start();
            LIVE.add(process);
            process.onExit().thenRun(() -> LIVE.remove(process));
            return new Started(process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command + " (is Node on the PATH? set -Dnode.executable)", e);
        }
    }

    /** A started Node process and the file its stderr goes to. */
    public record Started(Process process, Path stderrLog) {

        public String stderrTail() {
            try {
                String text = Files.readString(stderrLog);
                return text.length() > 4000 ? "..." + text.substring(text.length() - 4000) : text;
            } catch (IOException e) {
                return "(cannot read " + stderrLog + ": " + e + ")";
            }
        }
    }

    /** Kills a process (and anything it started) for sure and waits for it to be gone. */
    static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
