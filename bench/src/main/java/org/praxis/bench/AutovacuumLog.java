package org.praxis.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the autovacuum runs PostgreSQL wrote into its log as each finished ({@code log_autovacuum_min_duration
 * = 0}, set by {@link BenchMain}): which table, vacuum or analyze, and the CPU the worker reported. A benchmark
 * that follows one writing many rows shares the cores with these workers.
 */
final class AutovacuumLog {
    /** Vacuum's heading may say it is aggressive or against wraparound (PostgreSQL's vacuumlazy.c). */
    private static final Pattern RUN = Pattern.compile(
            "automatic (?:aggressive )?(vacuum|analyze)(?: to prevent wraparound)? of table \"([^\"]+)\"");

    private static final Pattern CPU = Pattern.compile("system usage: CPU: user: ([0-9.]+) s, system: ([0-9.]+) s");

    /** One run: {@code kind} vacuum or analyze, the table as database.schema.table, its CPU in seconds. */
    record Run(String kind, String table, double cpuSeconds) {}

    /** What the runs in a stretch of log add up to. */
    record Summary(int runs, double cpuSeconds, List<String> tables) {}

    private AutovacuumLog() {}

    /** The runs in {@code log}, in order; a run's CPU is on a later line of its entry. */
    static List<Run> runs(String log) {
        List<Run> runs = new ArrayList<>();
        String kind = null;
        String table = null;
        for (String line : log.split("\n", -1)) {
            Matcher start = RUN.matcher(line);
            if (start.find()) {
                kind = start.group(1);
                table = start.group(2);
                continue;
            }
            Matcher cpu = CPU.matcher(line);
            if (kind != null && cpu.find()) {
                runs.add(new Run(kind, table, Double.parseDouble(cpu.group(1)) + Double.parseDouble(cpu.group(2))));
                kind = null;
                table = null;
            }
        }
        return runs;
    }

    static Summary summary(String log) {
        List<Run> runs = runs(log);
        double cpu = runs.stream().mapToDouble(Run::cpuSeconds).sum();
        List<String> tables =
                runs.stream().map(r -> r.kind() + " " + r.table()).distinct().toList();
        return new Summary(runs.size(), Math.round(cpu * 100) / 100.0, tables);
    }
}
