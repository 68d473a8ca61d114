package org.praxis.bench;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** {@code cpuMsPerRequest}: CPU each part of the stack used per request in the closed run. */
    public record Level(
            int concurrency,
            LoadGenerator.Run closed,
            LoadGenerator.Run paced,
            DatabaseCeiling.Result ceiling,
            double ratioToCeiling,
            Map<String, Double> cpuMsPerRequest) {}

    public record Result(int intakes, double warmUpSeconds, List<Level> levels) {}

    private final PraxisApi api;
    private final LocalStack stack;
    private final List<UUID> intakes = new ArrayList<>();

    public ScreeningThroughput(LocalStack stack, PraxisApi api) {
        this.stack = stack;
        this.api = api;
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
        HttpResponse<String> r = api.post(
                USER,
                "intake",
                "/v1/intakes/" + intake + "/screenings",
                PraxisApi.phq9(items, 0),
                UUID.randomUUID().toString());
        return r.statusCode() == 201;
    }

    public void warmUp(Duration duration) throws InterruptedException {
        LoadGenerator.closed(8, duration, this::screening);
    }

    public Level level(int concurrency, Duration duration, Path workDir) throws Exception {
        Map<String, Double> cpuBefore = stack.cpuMillis();
        LoadGenerator.Run closed = LoadGenerator.closed(concurrency, duration, this::screening);
        Map<String, Double> cpuAfter = stack.cpuMillis();
        Map<String, Double> cpuPerRequest = new LinkedHashMap<>();
        cpuAfter.forEach((part, ms) -> {
            if (cpuBefore.containsKey(part)) {
                cpuPerRequest.put(
                        part, Latencies.round((ms - cpuBefore.get(part)) / Math.max(1, closed.ok() + closed.failed())));
            }
        });
        LoadGenerator.Run paced = LoadGenerator.paced(
                concurrency, Math.max(1, closed.throughput() * PACED_SHARE), duration, this::screening);
        DatabaseCeiling.Result ceiling =
                DatabaseCeiling.run(stack, intakes, concurrency, (int) Math.max(1, duration.toSeconds()), workDir);
        double ratio = ceiling.tps() > 0 ? closed.throughput() / ceiling.tps() : 0;
        return new Level(concurrency, closed, paced, ceiling, Math.round(ratio * 1000) / 1000.0, cpuPerRequest);
    }
}
