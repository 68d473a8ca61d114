package org.praxis.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Benchmark 1: {@code POST /v1/intakes/{id}/screenings} (PHQ-9, a supervisor's Keycloak token, a fresh
 * Idempotency-Key each) at each concurrency: closed loop for throughput, then paced at 75 % of it for
 * latency from the schedule; then pgbench doing the same database work at the same concurrency.
 */
public final class ScreeningThroughput {
    public static final String USER = "supervisor1";
    /** Paced runs ask for this share of the closed-loop throughput: busy, but below saturation. */
    static final double PACED_SHARE = 0.75;
    /**
     * The machine counts as quiet within this share of its busy share with the stack idle (Kafka's and the
     * consumers' polling alone took a fifth of a slower machine), measured before the warm-up.
     */
    static final double QUIET_MARGIN = 0.10;
    /** Longest wait for quiet before a paced run: the consumers' backlog normally drains well within it. */
    static final Duration QUIET_AT_MOST = Duration.ofSeconds(120);

    /**
     * {@code ceiling}: (a), the statements the service sends ({@link DatabaseCeiling}); {@code leastWork}: (b), the
     * least work the semantics need ({@link LeastWorkCeiling}), the one the target compares against (absent in
     * results written before it existed). {@code cpuMsPerRequest}: CPU each part of the stack used per request in
     * the closed run ({@code pacedCpuMsPerRequest}: in the paced run; absent in results written before it).
     * {@code drainSeconds}: how long the machine took to go quiet after the closed run (the consumers working
     * through its events) before the paced run started. {@code compilerShare}: the share of the services' CPU in the
     * closed run that their JIT compilers used (absent in results written before it).
     */
    public record Level(
            int concurrency,
            LoadGenerator.Run closed,
            LoadGenerator.Run paced,
            DatabaseCeiling.Result ceiling,
            double ratioToCeiling,
            Map<String, Double> cpuMsPerRequest,
            DatabaseCeiling.Result leastWork,
            double ratioToLeastWork,
            double drainSeconds,
            Map<String, Double> pacedCpuMsPerRequest,
            double compilerShare) {}

    /**
     * {@code idleMachineBusy}: the machine's busy share with the stack idle, before the warm-up (0: not measured).
     * {@code warmUp}: how it ended (null in results written before the warm-up waited for the JIT compilers).
     */
    public record Result(
            int intakes,
            double warmUpSeconds,
            List<Level> levels,
            double idleMachineBusy,
            JitCompilers.WarmUp warmUp) {}

    private final PraxisApi api;
    private final LocalStack stack;
    private final JitCompilers compilers;
    private final List<UUID> intakes = new ArrayList<>();
    private int profileAt; // the concurrency whose closed run is recorded with JFR; 0: none
    private CpuProfile.Profile profile;
    private Map<String, Double> threadCpuMsPerRequest;
    private double idleBusy;

    public ScreeningThroughput(LocalStack stack, PraxisApi api) {
        this.stack = stack;
        this.api = api;
        this.compilers = new JitCompilers(stack);
    }

    /** Opens the intakes the screenings go to; spread over many so no one row is hot. */
    public void prepare(int count) {
        for (int i = 0; i < count; i++) {
            intakes.add(api.openIntake(USER, "bench-screening-" + UUID.randomUUID(), "Bench Client " + i));
        }
    }

    /** One screening with item 9 at 0: scored and stored, never a risk flag. */
    boolean screening() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        UUID intake = intakes.get(random.nextInt(intakes.size()));
        int[] items = new int[8];
        for (int i = 0; i < items.length; i++) {
            items[i] = random.nextInt(4);
        }
        HttpConnection.Reply r = api.post(
                USER,
                "intake",
                "/v1/intakes/" + intake + "/screenings",
                PraxisApi.phq9(items, 0),
                UUID.randomUUID().toString());
        return r.statusCode() == 201;
    }

    /** bench/run --profile: record intake-service with JFR during the closed run at {@code concurrency}. */
    public void profileAt(int concurrency) {
        this.profileAt = concurrency;
    }

    /** The machine's busy share with the stack idle, measured at the start of {@link #warmUp}. */
    public double idleBusy() {
        return idleBusy;
    }

    /** Waits for the machine to come back to within {@link #QUIET_MARGIN} of idle; returns the seconds waited. */
    double awaitQuiet() throws IOException, InterruptedException {
        return ProcessFacts.awaitQuiet(idleBusy + QUIET_MARGIN, QUIET_AT_MOST);
    }

    /** Where intake-service's samples fell in the profiled run, or null. */
    public CpuProfile.Profile profile() {
        return profile;
    }

    /** CPU of each group of intake-service's threads per screening in the profiled run, in ms, or null. */
    public Map<String, Double> threadCpuMsPerRequest() {
        return threadCpuMsPerRequest;
    }

    /** Screenings at 8 connections until the services' JIT compilers are quiet ({@link JitCompilers#warmUp}). */
    public JitCompilers.WarmUp warmUp(Duration least, Duration most) throws Exception {
        ProcessFacts.awaitQuiet(0.5, Duration.ofSeconds(30)); // the intakes' own events handled
        idleBusy = ProcessFacts.busyOver(Duration.ofSeconds(5));
        JitCompilers.WarmUp warmUp = compilers.warmUp(least, most, d -> LoadGenerator.closed(8, d, this::screening));
        api.disconnect();
        return warmUp;
    }

    public Level level(int concurrency, Duration duration, Path workDir) throws Exception {
        awaitQuiet(); // the last level's backlog is not this one's
        Map<String, Map<Long, ProcessFacts.ThreadCpu>> threadsBefore = compilers.threads();
        Map<String, Double> cpuBefore = stack.cpuMillis();
        LoadGenerator.Run closed = LoadGenerator.closed(concurrency, duration, this::screening);
        Map<String, Double> cpuPerRequest = LocalStack.perRequest(cpuBefore, stack.cpuMillis(), closed);
        double compilerShare = JitCompilers.share(threadsBefore, compilers.threads());
        api.disconnect();
        double drain = awaitQuiet();
        Map<String, Double> pacedCpuBefore = stack.cpuMillis();
        LoadGenerator.Run paced = LoadGenerator.paced(
                concurrency, Math.max(1, closed.throughput() * PACED_SHARE), duration, this::screening);
        Map<String, Double> pacedCpu = LocalStack.perRequest(pacedCpuBefore, stack.cpuMillis(), paced);
        api.disconnect();
        if (concurrency == profileAt) {
            // A closed run of its own: the recording costs the service CPU, which the measured run must not pay.
            awaitQuiet(); // before the recording starts, so the paced run's backlog is not in the profile
            CpuProfile recording =
                    CpuProfile.start(stack.pid("intake"), workDir.resolve("intake-c" + concurrency + ".jfr"));
            LoadGenerator.Run profiled = LoadGenerator.closed(concurrency, duration, this::screening);
            profile = recording.stop();
            threadCpuMsPerRequest = new java.util.LinkedHashMap<>();
            long requests = Math.max(1, profiled.ok() + profiled.failed());
            profile.threadCpuMs().forEach((group, ms) -> threadCpuMsPerRequest.put(group, ms / requests));
            api.disconnect();
        }
        awaitQuiet(); // pgbench must not share the cores with the backlog either
        int seconds = (int) Math.max(1, duration.toSeconds());
        DatabaseCeiling.Result ceiling = DatabaseCeiling.run(stack, intakes, concurrency, seconds, workDir);
        DatabaseCeiling.Result leastWork = LeastWorkCeiling.run(stack, intakes, concurrency, seconds, workDir);
        return new Level(
                concurrency,
                closed,
                paced,
                ceiling,
                ratio(closed, ceiling),
                cpuPerRequest,
                leastWork,
                ratio(closed, leastWork),
                drain,
                pacedCpu,
                compilerShare);
    }

    /** The service's share of a ceiling's throughput; 0 for a ceiling not measured. */
    static double ratio(LoadGenerator.Run service, DatabaseCeiling.Result ceiling) {
        double ratio = ceiling != null && ceiling.tps() > 0 ? service.throughput() / ceiling.tps() : 0;
        return Math.round(ratio * 1000) / 1000.0;
    }
}
