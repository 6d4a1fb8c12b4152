package io.liveupdate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a process, read from {@code /proc/<pid>} by pid, so it works for any server
 * (a JVM, Node) without an agent. A pid of 0 or less means "not measured".
 */
record ProcessStats(long cpuNanos, long rssBytes) {

    /** Linux reports CPU in clock ticks; 100 per second on every mainstream kernel configuration. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    static final ProcessStats NONE = new ProcessStats(-1, -1);

    static ProcessStats of(long pid) {
        if (pid <= 0) return NONE;
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command name, which is in parentheses and may contain spaces.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);   // utime + stime
            long rssKb = -1;
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
            return new ProcessStats(ticks * NANOS_PER_TICK, rssKb * 1024);
        } catch (IOException | RuntimeException e) {
            return NONE;
        }
    }

    static ProcessStats self() {
        return of(ProcessHandle.current().pid());
    }

    boolean measured() {
        return cpuNanos >= 0;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
