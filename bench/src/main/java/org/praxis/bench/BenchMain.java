package org.praxis.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every benchmark against the stack bench/run started and writes the results and the report.
 * Usage: {@code BenchMain <project root> [--quick] [--profile] [--before <results.json>]},
 * {@code BenchMain <project root> --utilisation} (benchmark 1's paced runs at several rates only),
 * {@code BenchMain <project root> --risk} (benchmark 2 alone, stage by stage), or
 * {@code BenchMain <project root> --report-only <results.json> [--before <results.json>]}; the stack's ports
 * come from the environment.
 */
public final class BenchMain {

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]).toAbsolutePath().normalize();
        List<String> options = List.of(args);
        // An earlier run's results, for the report's before/after table of the targets.
        Results before = options.contains("--before") ? load(root, options.get(options.indexOf("--before") + 1)) : null;
        if (args.length > 2 && args[1].equals("--report-only")) {
            // Writes REPORT.md again from a results file, e.g. after FINDINGS.md changed.
            write(root, load(root, args[2]), before);
            return;
        }
        Plan plan = List.of(args).contains("--quick") ? Plan.QUICK : Plan.FULL;
        long started = System.nanoTime();
        LocalStack stack = new LocalStack(root, System.getenv());
        PraxisApi api = new PraxisApi(stack);
        Path work = Files.createDirectories(root.resolve("bench/.work"));

        // auto_explain in intake's connections (off until benchmark 3 turns it on); the restarts of
        // benchmark 4 give intake new connections that load it.
        stack.superuserSql("postgres", "alter role intake set session_preload_libraries = 'auto_explain'");
        // Every autovacuum run in the log, with its CPU: benchmark 5 reports those that ran during its paced run.
        stack.superuserSql("postgres", "alter system set log_autovacuum_min_duration = 0", "select pg_reload_conf()");

        if (options.contains("--utilisation")) {
            pacedUtilisation(root, plan, stack, api);
            return;
        }
        if (options.contains("--risk")) {
            say("results: " + RiskStages.measure(root, plan, stack, api) + " and its .md");
            return;
        }

        StartupAndMemory memory = new StartupAndMemory(stack);
        say("benchmark 4: start-up of each service, " + plan.restarts() + " time(s) each");
        List<StartupAndMemory.Startup> startups = memory.startups(plan.restarts());
        startups.forEach(s -> say("  " + s));

        say("benchmark 6: the floor, Quarkus with the services' extensions and none of their code");
        QuarkusFloor.Result floor = new QuarkusFloor(stack, api, work).run(plan);
        floor.starts().forEach(s -> say("  " + s));
        floor.loads().forEach(l -> say("  " + l));
        say("  RSS after load " + floor.rssAfterLoadMiB() + " MiB; warm-up "
                + CompilerNotes.warmUp(floor.warmUp(), "its"));

        say("benchmark 1: preparing " + plan.intakes() + " intakes, warm-up " + plan.warmUpSeconds() + " to "
                + plan.warmUpAtMostSeconds() + " s");
        ScreeningThroughput screening = new ScreeningThroughput(stack, api);
        screening.prepare(plan.intakes());
        if (options.contains("--profile")) {
            screening.profileAt(plan.concurrency().get(plan.concurrency().size() - 1));
        }
        warmUpReads(stack, api);
        JitCompilers.WarmUp warmUp = plan.warmUp(screening);
        say("  machine " + Math.round(screening.idleBusy() * 100) + " % busy with the stack idle; warm-up "
                + CompilerNotes.warmUp(warmUp));
        Map<String, Map<String, Double>> rss = new LinkedHashMap<>();
        rss.put("afterWarmUp", memory.rss());
        List<ScreeningThroughput.Level> levels = new ArrayList<>();
        for (int c : plan.concurrency()) {
            ScreeningThroughput.Level level = screening.level(c, Duration.ofSeconds(plan.levelSeconds()), work);
            say("  c=" + c + " closed " + level.closed().throughput() + "/s "
                    + level.closed().latency() + "; paced " + level.paced().latency() + "; pgbench "
                    + (level.ceiling() == null ? "-" : level.ceiling().tps()) + " tps (a), "
                    + (level.leastWork() == null ? "-" : level.leastWork().tps()) + " tps (b); ratio to (b) "
                    + level.ratioToLeastWork() + "; backlog drained in " + level.drainSeconds() + " s; CPU per request "
                    + LocalStack.total(level.cpuMsPerRequest()) + " ms closed, "
                    + LocalStack.total(level.pacedCpuMsPerRequest()) + " ms paced");
            levels.add(level);
        }
        rss.put("afterBenchmark1", memory.rss());
        ScreeningThroughput.Result screeningResult =
                new ScreeningThroughput.Result(plan.intakes(), warmUp.seconds(), levels, screening.idleBusy(), warmUp);

        say("benchmark 5: reads at c=" + plan.readConcurrency() + " over " + plan.engagements() + " engagements");
        ReadThroughput reads = new ReadThroughput(stack, api);
        reads.prepare(plan.engagements());
        ReadThroughput.Result readResult = reads.run(
                plan.readConcurrency(),
                Duration.ofSeconds(plan.readWarmUpSeconds()),
                Duration.ofSeconds(plan.readWarmUpAtMostSeconds()),
                Duration.ofSeconds(plan.levelSeconds()),
                screening.idleBusy() + ScreeningThroughput.QUIET_MARGIN,
                work);
        say(readResult.summary());

        say("benchmark 2: " + plan.flags() + " risk flags at " + plan.flagRate() + "/s");
        RiskPropagation risk = new RiskPropagation(stack, api);
        risk.prepare(plan.flags());
        // The intakes just opened are events the consumers work through: the flags must not queue behind them.
        RiskPropagation.Result riskResult = risk.runAfterWarmUp(plan.flagRate(), screening::awaitQuiet);
        say("  " + riskResult);

        say("benchmark 3: lists at " + plan.listSizes() + " intakes, " + plan.otherTenant() + " in another tenant");
        ListsAtScale.Result lists =
                new ListsAtScale(stack, api).run(plan.listSizes(), plan.otherTenant(), plan.listRequests());
        lists.sizes().forEach(z -> say("  " + z.intakes() + ": first " + z.firstPage() + " deep " + z.deepPage()));
        rss.put("atEnd", memory.rss());

        Results results = new Results(
                LocalDate.now().toString(),
                plan.mode(),
                Latencies.round((System.nanoTime() - started) / 1e9),
                Results.Machine.of(stack, root),
                settings(stack, plan),
                screeningResult,
                riskResult,
                lists,
                startups,
                rss,
                "not built: it needs GraalVM or Mandrel's native-image, which neither this machine nor the registries it "
                        + "reaches (Maven Central, Debian, npm) provide, and Quarkus's container build needs Docker.",
                readResult,
                screening.profile() == null ? null : screening.profile().executionSamples(),
                screening.profile() == null ? null : screening.profile().cpuTimeSamples(),
                screening.threadCpuMsPerRequest(),
                floor);
        write(root, results, before);
    }

    /** Full runs write bench/results/&lt;date&gt;.json and bench/REPORT.md; quick ones stay in bench/.work/quick. */
    /** A results file, as given or else relative to the project root; fields it lacks read as absent. */
    static Results load(Path root, String file) throws IOException {
        Path path = Path.of(file);
        if (!path.isAbsolute() && !Files.exists(path)) {
            path = root.resolve(file);
        }
        return new ObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .readValue(path.toFile(), Results.class);
    }

    static void write(Path root, Results results, Results before) throws IOException {
        boolean full = results.mode().equals("full");
        Path resultsDir =
                Files.createDirectories(full ? root.resolve("bench/results") : root.resolve("bench/.work/quick"));
        Path reportDir = full ? root.resolve("bench") : resultsDir;
        Path json = resultsDir.resolve(results.date() + (full ? "" : "-quick") + ".json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), results);
        Path findingsFile = root.resolve("bench/FINDINGS.md");
        String findings =
                Files.exists(findingsFile) ? Files.readString(findingsFile) : "(bench/FINDINGS.md is missing)";
        Files.writeString(reportDir.resolve(Report.CHART), Report.chart(results));
        Files.writeString(
                reportDir.resolve("REPORT.md"),
                Report.markdown(results, root.resolve("bench").relativize(json).toString(), findings, before));
        say("results: " + json + "\nreport:  " + reportDir.resolve("REPORT.md"));
    }

    /** bench/run --utilisation: benchmark 1's warm-up, then paced runs at several shares of the closed throughput. */
    private static void pacedUtilisation(Path root, Plan plan, LocalStack stack, PraxisApi api) throws Exception {
        say("paced runs at " + PacedUtilisation.SHARES + " of the closed throughput: preparing " + plan.intakes()
                + " intakes, warm-up " + plan.warmUpSeconds() + " to " + plan.warmUpAtMostSeconds() + " s");
        ScreeningThroughput screening = new ScreeningThroughput(stack, api);
        screening.prepare(plan.intakes());
        JitCompilers.WarmUp warmUp = plan.warmUp(screening);
        List<PacedUtilisation.Point> points =
                PacedUtilisation.measure(screening, api, plan.concurrency(), Duration.ofSeconds(plan.levelSeconds()));
        Path json = PacedUtilisation.write(
                root,
                PacedUtilisation.result(
                        Results.Machine.of(stack, root),
                        (int) Math.round(warmUp.seconds()),
                        plan.levelSeconds(),
                        points));
        say("results: " + json);
    }

    /** The other services' code paths warmed too, so their memory after warm-up means something. */
    private static void warmUpReads(LocalStack stack, PraxisApi api) {
        for (int i = 0; i < 100; i++) {
            for (String service : stack.services()) {
                api.get(
                        "admin1",
                        service,
                        service.equals("webhook") ? "/v1/webhook-subscriptions" : "/v1/audit-events?limit=20");
            }
            api.get(ScreeningThroughput.USER, "referral", "/v1/referrals?limit=20");
            api.get(ScreeningThroughput.USER, "session", "/v1/engagements?limit=20");
        }
    }

    private static Results.Settings settings(LocalStack stack, Plan plan) throws Exception {
        Map<String, String> pg = new LinkedHashMap<>();
        for (String name : List.of("fsync", "synchronous_commit", "shared_buffers", "max_connections", "work_mem")) {
            pg.put(name, stack.superuserSql("postgres", "show " + name));
        }
        return new Results.Settings(
                stack.serviceJavaOptions(),
                Integer.parseInt(System.getenv().getOrDefault("PRAXIS_DB_POOL_SIZE", "20")),
                "500ms",
                pg,
                plan.warmUpSeconds(),
                plan.levelSeconds(),
                plan.concurrency(),
                ScreeningThroughput.PACED_SHARE,
                plan.restarts());
    }

    static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
