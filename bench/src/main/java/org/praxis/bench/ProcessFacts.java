package org.praxis.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** What Linux's /proc says about a process (memory, CPU, when it started) and about the machine's CPU. */
final class ProcessFacts {
    /** USER_HZ: the unit of /proc/[pid]/stat times; 100 on every Linux architecture Praxis runs on. */
    private static final double CLOCK_TICKS = 100.0;

    private ProcessFacts() {}

    static long rssKiB(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    static double uptimeSeconds() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split(" ")[0]);
    }

    /** When the process started, in seconds since boot (field 22 of /proc/[pid]/stat). */
    static double startUptimeSeconds(long pid) throws IOException {
        return startTicks(Files.readString(Path.of("/proc/" + pid + "/stat"))) / CLOCK_TICKS;
    }

    /** The command name (field 2) may hold spaces and parentheses: count fields after its last ')'. */
    static long startTicks(String stat) {
        return Long.parseLong(fields(stat)[19]);
    }

    /** CPU time used, user + system, in ms; with reaped children's too when {@code withChildren}. */
    static double cpuMillis(long pid, boolean withChildren) throws IOException {
        String[] f = fields(Files.readString(Path.of("/proc/" + pid + "/stat")));
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
        if (withChildren) {
            ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
        }
        return ticks * 1000 / CLOCK_TICKS;
    }

    /** CPU of a process and all its live children, plus what its reaped children used (PostgreSQL's backends). */
    static double cpuMillisWithChildren(long parent) throws IOException {
        double total = cpuMillis(parent, true);
        try (var procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(d -> d.getFileName().toString().matches("\\d+"))
                    .toList()) {
                try {
                    String[] f = fields(Files.readString(p.resolve("stat")));
                    if (Long.parseLong(f[1]) == parent) {
                        total += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / CLOCK_TICKS;
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        }
        return total;
    }

    /** One thread's name (Linux keeps its first 15 characters) and the CPU it used so far, in ms. */
    record ThreadCpu(String name, double ms) {}

    /** Every live thread of {@code pid}, by thread id. */
    static Map<Long, ThreadCpu> threadCpu(long pid) throws IOException {
        Map<Long, ThreadCpu> threads = new HashMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String[] f = fields(stat);
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    threads.put(
                            Long.parseLong(task.getFileName().toString()),
                            new ThreadCpu(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 1000 / CLOCK_TICKS));
                } catch (IOException | RuntimeException gone) {
                    // the thread ended while we looked
                }
            }
        }
        return threads;
    }

    /**
     * CPU each group of threads used between two readings, in ms, largest first. A thread that started in between
     * counts from zero; one that ended in between is lost (the service's pools keep theirs).
     */
    static Map<String, Double> threadCpuSince(Map<Long, ThreadCpu> before, Map<Long, ThreadCpu> after) {
        Map<String, Double> groups = new HashMap<>();
        after.forEach((tid, now) -> {
            ThreadCpu then = before.get(tid);
            groups.merge(threadGroup(now.name()), now.ms() - (then == null ? 0 : then.ms()), Double::sum);
        });
        Map<String, Double> sorted = new LinkedHashMap<>();
        groups.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** A pool's threads under one name: "agroal-12" and "agroal-3" are "agroal-", "GC Thread#1" is "GC Thread". */
    static String threadGroup(String name) {
        return name.replaceAll("[#\\d]+$", "");
    }

    /** Fields after the command name: [0] is field 3 (state), [1] field 4 (ppid), [11] field 14 (utime). */
    private static String[] fields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    /** The machine's CPU time so far, in ticks: busy (user, nice, system, irq, softirq, steal) and all. */
    record MachineTicks(long busy, long all) {
        /** Share of the machine's CPU that was busy between {@code before} and this reading, 0 to 1. */
        double busySince(MachineTicks before) {
            long all = this.all - before.all;
            return all > 0 ? (double) (busy - before.busy) / all : 0;
        }
    }

    static MachineTicks machineTicks() throws IOException {
        return machineTicks(Files.readString(Path.of("/proc/stat")));
    }

    /** The first line of /proc/stat: "cpu user nice system idle iowait irq softirq steal guest guest_nice". */
    static MachineTicks machineTicks(String procStat) {
        String[] f = procStat.lines().findFirst().orElseThrow().trim().split("\\s+");
        long[] t = new long[8];
        for (int i = 0; i < t.length; i++) {
            t[i] = Long.parseLong(f[i + 1]);
        }
        long busy = t[0] + t[1] + t[2] + t[5] + t[6] + t[7];
        return new MachineTicks(busy, busy + t[3] + t[4]);
    }

    /** Share of the machine's CPU busy over the next {@code window}, 0 to 1. */
    static double busyOver(Duration window) throws IOException, InterruptedException {
        MachineTicks before = machineTicks();
        Thread.sleep(window.toMillis());
        return machineTicks().busySince(before);
    }

    /**
     * Waits until the machine's busy share over one second is below {@code share}, at most {@code max}; returns
     * the seconds waited. After a closed run the consumers may still be working through its events: a paced run
     * started then would measure their backlog too.
     */
    static double awaitQuiet(double share, Duration max) throws IOException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + max.toNanos();
        while (busyOver(Duration.ofSeconds(1)) >= share && System.nanoTime() < deadline) {
            // still busy
        }
        return Math.round((System.nanoTime() - started) / 1e8) / 10.0;
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
