package org.praxis.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Where a risk flag's time goes (bench/run --risk), stage by stage: the driver's own clock set beside the times the
 * services' tables keep ({@link RiskTraces}), the slowest flags beside what else took time in their window
 * ({@link StallLogs}). One machine, one clock, so the times compare; a stage can be slightly negative where two
 * overlap (the consumer may start before the relay has marked the row sent).
 */
final class RiskStages {
    /** Wall-clock microseconds: posted and answered by the driver, seen by its poller (null: never seen). */
    record Flag(UUID intake, long posted, long answered, Long seen) {}

    /** One flag's times as the databases kept them, in wall-clock microseconds. */
    record Trace(long sent, long received, long created) {}

    record Stage(String name, double p50, double p90, double p99, double max) {}

    /** {@code order}: the flag's place in the run (1 = the first posted); {@code postedAtSecond}: after the first. */
    record Slow(
            UUID intake,
            int order,
            double postedAtSecond,
            double totalMs,
            Map<String, Double> stagesMs,
            List<String> during) {}

    record Result(
            String date,
            int flags,
            int traced,
            List<Stage> stages,
            List<Slow> slowest,
            int gcPauses,
            double gcPauseMaxMs,
            int postgresEvents,
            Latencies warmUp) {
        Result withWarmUp(Latencies w) {
            return new Result(date, flags, traced, stages, slowest, gcPauses, gcPauseMaxMs, postgresEvents, w);
        }
    }

    static final List<String> STAGES = List.of(
            "screening POST (posted → answered)",
            "to the broker (answered → outbox row marked sent)",
            "to referral's consumer (marked sent → inbox transaction)",
            "referral's transaction (inbox → draft created)",
            "commit and poll (created → seen)");

    private RiskStages() {}

    /**
     * bench/run --risk: benchmark 2 alone after benchmark 1's warm-up (and its own), each flag's time split into
     * stages, the slowest set beside the services' GC pauses, safepoints and what PostgreSQL logged in their window.
     */
    static Path measure(Path root, Plan plan, LocalStack stack, PraxisApi api) throws Exception {
        BenchMain.say("benchmark 2 stage by stage: " + plan.intakes() + " intakes, warm-up " + plan.warmUpSeconds()
                + " to " + plan.warmUpAtMostSeconds() + " s, then " + RiskPropagation.WARM_UP_FLAGS + " and "
                + plan.flags() + " risk flags at " + plan.flagRate() + "/s");
        ScreeningThroughput screening = new ScreeningThroughput(stack, api);
        screening.prepare(plan.intakes());
        BenchMain.say("  warm-up " + CompilerNotes.warmUp(plan.warmUp(screening)));
        RiskPropagation risk = new RiskPropagation(stack, api);
        risk.prepare(plan.flags());
        stack.superuserSql("postgres", "alter system set log_min_duration_statement = 10", "select pg_reload_conf()");
        long logFrom = Files.size(stack.postgresLog());
        RiskPropagation.Result result = risk.runAfterWarmUp(plan.flagRate(), screening::awaitQuiet);
        BenchMain.say("  " + result);
        List<StallLogs.Event> events = new ArrayList<>(StallLogs.postgresEvents(stack.postgresLogFrom(logFrom), 10));
        for (String service : List.of("intake", "referral")) {
            Path gc = stack.runDir().resolve("logs/gc-" + stack.pid(service) + ".log");
            if (Files.exists(gc)) {
                String log = Files.readString(gc);
                events.addAll(StallLogs.gcPauses(service, log));
                events.addAll(StallLogs.safepoints(service, log, 5));
            } else {
                BenchMain.say("  no GC log for " + service + " at " + gc);
            }
        }
        return write(
                root, analyse(risk.flags(), RiskTraces.of(stack), events, 10).withWarmUp(result.warmUp()));
    }

    /** Each stage in ms, in {@link #STAGES}' order, and the total last. */
    static double[] stages(Flag f, Trace t) {
        return new double[] {
            Latencies.ms(f.answered() - f.posted()),
            Latencies.ms(t.sent() - f.answered()),
            Latencies.ms(t.received() - t.sent()),
            Latencies.ms(t.created() - t.received()),
            Latencies.ms(f.seen() - t.created()),
            Latencies.ms(f.seen() - f.posted())
        };
    }

    /** A traced flag with its stages in ms ({@link #stages}: the total last). */
    private record Timed(Flag flag, double[] ms) {
        double total() {
            return ms[STAGES.size()];
        }
    }

    static Result analyse(List<Flag> flags, Map<UUID, Trace> traces, List<StallLogs.Event> events, int slowest) {
        List<Timed> timed = new ArrayList<>();
        for (Flag f : flags) {
            Trace t = traces.get(f.intake());
            if (f.seen() != null && t != null) {
                timed.add(new Timed(f, stages(f, t)));
            }
        }
        long first = flags.isEmpty() ? 0 : flags.get(0).posted();
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i <= STAGES.size(); i++) {
            int col = i;
            double[] values =
                    timed.stream().mapToDouble(t -> t.ms()[col]).sorted().toArray();
            stages.add(new Stage(
                    i < STAGES.size() ? STAGES.get(i) : "total (posted → seen)",
                    percentile(values, 50),
                    percentile(values, 90),
                    percentile(values, 99),
                    values.length == 0 ? 0 : values[values.length - 1]));
        }
        List<Slow> slow = new ArrayList<>();
        for (Timed t : timed.stream()
                .sorted(Comparator.comparingDouble(Timed::total).reversed())
                .limit(slowest)
                .toList()) {
            Flag f = t.flag();
            Map<String, Double> byStage = new LinkedHashMap<>();
            for (int s = 0; s < STAGES.size(); s++) {
                byStage.put(STAGES.get(s), t.ms()[s]);
            }
            List<String> during = events.stream()
                    .filter(e -> e.overlaps(f.posted(), f.seen()))
                    .map(e -> e.describe(f.posted()))
                    .toList();
            slow.add(new Slow(
                    f.intake(),
                    flags.indexOf(f) + 1,
                    Latencies.round((f.posted() - first) / 1e6),
                    t.total(),
                    byStage,
                    during));
        }
        // Counted over the run only: the logs also hold each service's start.
        long last = timed.stream().mapToLong(t -> t.flag().seen()).max().orElse(first);
        List<StallLogs.Event> inRun =
                events.stream().filter(e -> e.overlaps(first, last)).toList();
        List<StallLogs.Event> gc =
                inRun.stream().filter(e -> e.source().startsWith("GC")).toList();
        return new Result(
                LocalDate.now().toString(),
                flags.size(),
                timed.size(),
                stages,
                slow,
                gc.size(),
                gc.stream()
                        .mapToDouble(e -> Latencies.ms(e.end() - e.start()))
                        .max()
                        .orElse(0),
                (int) inRun.stream()
                        .filter(e -> e.source().equals("PostgreSQL"))
                        .count(),
                null);
    }

    static Path write(Path root, Result result) throws IOException {
        Path dir = Files.createDirectories(root.resolve("bench/results"));
        Path json = dir.resolve(result.date() + "-risk.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        StringBuilder md = new StringBuilder("# Risk flag → urgent draft, stage by stage (bench/run --risk)\n\n")
                .append(result.traced())
                .append(" of ")
                .append(result.flags())
                .append(" flags traced; ")
                .append(result.gcPauses())
                .append(" GC pauses in intake- and referral-service during the run (longest ")
                .append(result.gcPauseMaxMs())
                .append(" ms); ")
                .append(result.postgresEvents())
                .append(" PostgreSQL events in it (statements ≥ 10 ms, checkpoints, autovacuum).\n\n")
                .append(result.warmUp() == null ? "" : RiskPropagation.warmUpNote(result.warmUp()))
                .append("| stage | p50 ms | p90 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
        result.stages()
                .forEach(s -> md.append("| ")
                        .append(s.name())
                        .append(" | ")
                        .append(s.p50())
                        .append(" | ")
                        .append(s.p90())
                        .append(" | ")
                        .append(s.p99())
                        .append(" | ")
                        .append(s.max())
                        .append(" |\n"));
        md.append("\n## The slowest flags\n\n");
        for (Slow s : result.slowest()) {
            md.append("- **")
                    .append(s.totalMs())
                    .append(" ms**, flag ")
                    .append(s.order())
                    .append(", posted at ")
                    .append(s.postedAtSecond())
                    .append(" s: ");
            md.append(String.join(
                    ", ",
                    s.stagesMs().entrySet().stream()
                            .map(e -> e.getKey().replaceAll(" \\(.*", "") + " " + e.getValue())
                            .toList()));
            md.append(s.during().isEmpty() ? "; nothing logged in its window\n" : "; in its window:\n");
            s.during().forEach(d -> md.append("  - ").append(d).append('\n'));
        }
        Files.writeString(dir.resolve(result.date() + "-risk.md"), md);
        return json;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
