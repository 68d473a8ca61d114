package org.praxis.bench;

import static org.praxis.bench.Report.f;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The report's first table: each target of issue 19 with the figure of an earlier run (bench/run
 * --before) and of this one, and whether this one meets it. A figure an older results file lacks is
 * "not measured", never a zero.
 *
 * <p>Long file: one table, a row per target of the issue (per service, per concurrency), each with how it is read
 * from a run, shown and judged; split up, a row's parts would sit in different files.
 */
final class Targets {

    /**
     * A target: what it says, how to read its figure from a run (null: not measured), how to show it, the
     * limit (NaN: none, only reported) and, where a run may have measured it differently, how it did.
     */
    private record Target(
            String name,
            Function<Results, Double> figure,
            Function<Double, String> shown,
            double limit,
            boolean atMost,
            Function<Results, String> basis,
            Function<Results, Double> floor) {
        Target(
                String name,
                Function<Results, Double> figure,
                Function<Double, String> shown,
                double limit,
                boolean atMost) {
            this(name, figure, shown, limit, atMost, r -> "", r -> null);
        }

        /** The same figure for benchmark 6's floor application, where it has one. */
        Target withFloor(Function<Results, Double> floorFigure) {
            return new Target(name, figure, shown, limit, atMost, basis, floorFigure);
        }

        String met(Results r) {
            return met(figure.apply(r));
        }

        String met(Double v) {
            if (v == null || Double.isNaN(limit)) {
                return "-";
            }
            return (atMost ? v <= limit : v >= limit) ? "met" : "**not met**";
        }
    }

    private static final List<Target> ALL = all();

    private static List<Target> all() {
        List<Target> all = new ArrayList<>();
        for (int c : List.of(8, 32)) {
            // The share with what it divides: a share can rise because the ceiling fell, not the throughput rose.
            all.add(new Target(
                            "Screening POST ≥ 70 % of ceiling (b) at c=" + c,
                            r -> toLeastWork(r, c),
                            Report::pct,
                            0.7,
                            false,
                            r -> throughputOverCeiling(r, c),
                            r -> null)
                    .withFloor(r -> FloorSection.shareOfLeastWork(r, c)));
        }
        for (int c : List.of(1, 8, 32)) {
            all.add(new Target("Paced p99 ≤ 3 × p50 at c=" + c, r -> pacedRatio(r, c), v -> f(v) + " ×", 3, true));
        }
        all.add(new Target(
                        "intake-service CPU per screening ≤ 0.7 ms at c=32",
                        r -> cpu(r, "intake"),
                        v -> f(v) + " ms",
                        0.7,
                        true)
                .withFloor(r -> FloorSection.cpuMsPerRequest(r, 32)));
        all.add(new Target(
                "Load driver CPU per screening at c=32 (no target)",
                r -> cpu(r, ThroughputSections.DRIVER),
                v -> f(v) + " ms",
                Double.NaN,
                true));
        for (String service : LocalStack.SERVICES) {
            all.add(new Target(
                    service + "-service ready ≤ 1.5 s from process start",
                    r -> medianStart(r, service),
                    Targets::seconds,
                    1.5,
                    true,
                    r -> " (median of " + r.settings().restartsPerService() + ")",
                    FloorSection::medianStart));
        }
        for (String service : LocalStack.SERVICES) {
            all.add(new Target(
                            service + "-service RSS ≤ 150 MiB after benchmark 1",
                            r -> rss(r, service),
                            v -> f(v) + " MiB",
                            150,
                            true)
                    .withFloor(FloorSection::rssAfterLoad));
        }
        all.add(riskTarget("Risk flag → urgent draft p50 ≤ 30 ms", Latencies::p50, 30));
        all.add(riskTarget("Risk flag → urgent draft p99 ≤ 100 ms", Latencies::p99, 100));
        all.add(new Target(
                "Risk flag → urgent draft p99 of the warm-up flags, the first after the services' start (no target)",
                r -> r.riskPropagation().warmUp() == null
                        ? null
                        : r.riskPropagation().warmUp().p99(),
                v -> f(v) + " ms",
                Double.NaN,
                true));
        all.add(readsFigure("req/s", reads -> reads.closed().throughput(), Report::f));
        all.add(readsFigure("paced p99", reads -> reads.paced().latency().p99(), v -> f(v) + " ms"));
        all.add(readsFigure("share of their ceiling", ReadThroughput.Result::ratioToCeiling, Report::pct));
        return List.copyOf(all);
    }

    private Targets() {}

    /** A risk row says whether the path was warmed first: runs that differ there do not compare like for like. */
    private static Target riskTarget(String name, Function<Latencies, Double> figure, double limit) {
        return new Target(
                name,
                r -> figure.apply(r.riskPropagation().latency()),
                v -> f(v) + " ms",
                limit,
                true,
                r -> r.riskPropagation().warmUp() == null
                        ? " (no warm-up)"
                        : " (after " + r.riskPropagation().warmUp().count() + " warm-up flags)",
                r -> null);
    }

    /** A reads row says how long they warmed up (results written before the wait for the compilers had 30 s). */
    private static Target readsFigure(
            String what, Function<ReadThroughput.Result, Double> figure, Function<Double, String> shown) {
        return new Target(
                "Reads at c=32: " + what + " (no target)",
                r -> r.reads() == null ? null : figure.apply(r.reads()),
                shown,
                Double.NaN,
                true,
                r -> r.reads().warmUp() == null
                        ? " (fixed warm-up)"
                        : " (warm-up " + Math.round(r.reads().warmUp().seconds()) + " s)",
                r -> null);
    }

    static void markdown(StringBuilder md, Results after, Results before) {
        md.append("## Targets (issue 19)\n\n");
        if (before != null) {
            md.append("Before: the run of ")
                    .append(before.date())
                    .append(" (commit `")
                    .append(before.machine().commit());
            md.append("`, ")
                    .append(before.mode())
                    .append(" run); after: this run (")
                    .append(after.mode());
            md.append("). Only runs of the same machine and mode compare.\n\n");
        }
        boolean floor = after.floor() != null;
        if (floor) {
            md.append("*Floor*: the same figure for benchmark 6's application with the services' extensions and none of"
                    + " their code (section 6), measured in this run, and whether it meets the target: a target"
                    + " it misses, a service built the same way (those extensions, these JVM options) misses"
                    + " too.\n\n");
        }
        md.append("| target | before | after | met |"
                + (floor ? " floor |\n|---|---|---|---|---|\n" : "\n|---|---|---|---|\n"));
        for (Target t : ALL) {
            md.append("| ").append(t.name()).append(" | ").append(before == null ? "-" : shown(t, before));
            md.append(" | ")
                    .append(shown(t, after))
                    .append(" | ")
                    .append(t.met(after))
                    .append(" |");
            if (floor) {
                Double v = t.floor().apply(after);
                md.append(' ')
                        .append(v == null ? "-" : t.shown().apply(v) + " (" + t.met(v) + ")")
                        .append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private static String shown(Target t, Results r) {
        Double v;
        try {
            v = t.figure().apply(r);
        } catch (NullPointerException absent) {
            v = null; // a part the older file does not have
        }
        return v == null ? "not measured" : t.shown().apply(v) + t.basis().apply(r);
    }

    static ScreeningThroughput.Level level(Results r, int concurrency) {
        return r.screening().levels().stream()
                .filter(l -> l.concurrency() == concurrency)
                .findFirst()
                .orElse(null);
    }

    static Double toLeastWork(Results r, int concurrency) {
        ScreeningThroughput.Level l = level(r, concurrency);
        return l == null || l.leastWork() == null ? null : l.ratioToLeastWork();
    }

    static Double pacedRatio(Results r, int concurrency) {
        ScreeningThroughput.Level l = level(r, concurrency);
        return l == null || l.paced().latency().p50() <= 0
                ? null
                : l.paced().latency().p99() / l.paced().latency().p50();
    }

    /** " (471/s ÷ 5657 tps)": the closed throughput and ceiling (b) the share divides. */
    private static String throughputOverCeiling(Results r, int concurrency) {
        ScreeningThroughput.Level l = level(r, concurrency);
        return l == null || l.leastWork() == null
                ? ""
                : " (" + f(l.closed().throughput()) + "/s ÷ " + f(l.leastWork().tps()) + " tps)";
    }

    static Double cpu(Results r, String part) {
        ScreeningThroughput.Level l = level(r, 32);
        return l == null ? null : l.cpuMsPerRequest().get(part);
    }

    /** The service's median start-up, null when the run did not start it. */
    static Double medianStart(Results r, String service) {
        return r.startup().stream()
                .filter(s -> s.service().equals(service))
                .map(StartupAndMemory.Startup::medianSeconds)
                .findFirst()
                .orElse(null);
    }

    private static String seconds(Double v) {
        return f(v) + " s";
    }

    static Double rss(Results r, String service) {
        Map<String, Double> rss = r.rssMiB().get("afterBenchmark1");
        return rss == null ? null : rss.get(service);
    }
}
