package io.liveupdate.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A JVM server's live heap after a full GC, through {@code jcmd}. RSS growth understates what sessions cost a JVM
 * whose heap has already grown (new sessions fill committed pages), so the idle scenario reports both. Empty for
 * a process that is not a JVM (Faye) or when {@code jcmd} is missing.
 */
final class HeapUsage {

    private static final Pattern USED = Pattern.compile("used (\\d+)K");

    private HeapUsage() {
    }

    static OptionalLong afterFullGc(long pid) {
        // Never jcmd another kind of process: attaching sends SIGQUIT, which ends a Node server.
        if (pid <= 0 || !isJvm(pid) || jcmd(pid, "GC.run") == null) return OptionalLong.empty();
        String info = jcmd(pid, "GC.heap_info");
        if (info == null) return OptionalLong.empty();
        var used = USED.matcher(info);
        return used.find() ? OptionalLong.of(Long.parseLong(used.group(1)) * 1024) : OptionalLong.empty();
    }

    private static boolean isJvm(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(c -> c.endsWith("/java")).orElse(false);
    }

    private static String jcmd(long pid, String command) {
        try {
            var process = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
