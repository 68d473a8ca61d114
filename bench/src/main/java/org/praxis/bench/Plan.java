package org.praxis.bench;

import java.time.Duration;
import java.util.List;

/** How long and how much: the full run (about 20 minutes here) or the quick smoke (about 3). */
record Plan(
        String mode,
        int restarts,
        int intakes,
        int warmUpSeconds,
        int warmUpAtMostSeconds,
        int levelSeconds,
        List<Integer> concurrency,
        int flags,
        double flagRate,
        List<Long> listSizes,
        long otherTenant,
        int listRequests,
        int engagements,
        int readConcurrency,
        int readWarmUpSeconds,
        int readWarmUpAtMostSeconds) {
    static final Plan FULL = new Plan(
            "full",
            5,
            200,
            90,
            360,
            20,
            List.of(1, 8, 32),
            500,
            10,
            List.of(1_000L, 100_000L, 1_000_000L),
            100_000,
            300,
            10,
            32,
            30,
            180);

    JitCompilers.WarmUp warmUp(ScreeningThroughput screening) throws Exception {
        return screening.warmUp(Duration.ofSeconds(warmUpSeconds), Duration.ofSeconds(warmUpAtMostSeconds));
    }

    static final Plan QUICK = new Plan(
            "quick", 1, 50, 5, 5, 5, List.of(1, 8, 32), 50, 10, List.of(1_000L, 10_000L), 10_000, 50, 4, 32, 5, 5);
}
