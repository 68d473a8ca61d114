package org.praxis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The measuring itself: a schedule is kept, and a stall shows in every request it delayed. */
class LoadGeneratorTest {

    /** 1 ms per request, except the 100th, which stalls for half a second. */
    private static LoadGenerator.Request stallingOnce() {
        AtomicInteger calls = new AtomicInteger();
        return () -> {
            Thread.sleep(calls.incrementAndGet() == 100 ? 500 : 1);
            return true;
        };
    }

    @Test
    void pacedSendsEveryScheduledRequestHoweverLateTheServiceIs() throws Exception {
        LoadGenerator.Run run = LoadGenerator.paced(2, 200, Duration.ofSeconds(2), stallingOnce());
        // 2 threads x one request every 10 ms x 2 s: the schedule, not the service, sets the count.
        assertEquals(400, run.ok());
        assertEquals(0, run.failed());
        assertEquals("paced", run.mode());
    }

    @Test
    void pacedCountsLatencyFromWhenTheRequestWasDueSoAStallIsNotHidden() throws Exception {
        LoadGenerator.Run paced = LoadGenerator.paced(1, 200, Duration.ofSeconds(2), stallingOnce());
        LoadGenerator.Run closed = LoadGenerator.closed(1, Duration.ofSeconds(2), stallingOnce());
        // Paced: ~100 requests were due during the stall and waited up to 500 ms each: > 5% of 400.
        assertTrue(paced.latency().p95() >= 200, "paced p95 " + paced.latency());
        // Closed: the stall is one sample among ~1000; the percentiles never see it (coordinated omission).
        // Compared with each other, not with a time, so a slow machine cannot fail it.
        assertTrue(closed.latency().max() >= 500, "closed max " + closed.latency());
        assertTrue(
                closed.latency().p99() < paced.latency().p95(),
                "closed p99 " + closed.latency() + ", paced p95 " + paced.latency());
    }

    @Test
    void failuresAndExceptionsAreCountedApartFromSuccesses() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        LoadGenerator.Run run = LoadGenerator.paced(1, 100, Duration.ofMillis(500), () -> {
            int n = calls.incrementAndGet();
            if (n % 5 == 0) {
                throw new IllegalStateException("connection refused");
            }
            return n % 5 != 1;
        });
        assertEquals(50, run.ok() + run.failed());
        assertEquals(20, run.failed());
        assertTrue(run.throughput() > 0);
    }
}
