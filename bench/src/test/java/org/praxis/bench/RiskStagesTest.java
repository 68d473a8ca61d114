package org.praxis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A risk flag's time split into stages, and what the GC and PostgreSQL logs say happened in its window. */
class RiskStagesTest {
    private static final long T0 = micros("2026-12-04T22:40:00Z");

    @Test
    void aGcPauseEndsWhenItIsLoggedAndLastsWhatItSays() {
        String log = "[2026-12-04T22:40:00.500+0000] GC(7) Pause Young (Allocation Failure) 20M->5M(30M) 12.500ms\n"
                + "[2026-12-04T22:40:01.000+0000] Using Serial\n";
        List<StallLogs.Event> pauses = StallLogs.gcPauses("intake", log);
        assertEquals(1, pauses.size());
        StallLogs.Event pause = pauses.get(0);
        assertEquals("GC intake", pause.source());
        assertEquals(T0 + 500_000, pause.end());
        assertEquals(T0 + 487_500, pause.start());
        assertTrue(pause.what().startsWith("Pause Young"));
    }

    @Test
    void aSafepointCountsFromItsTotalAndShortOnesAreLeftOut() {
        String log = "[2026-12-04T22:40:00.500+0000] Safepoint \"ICBufferFull\", Time since last: 1000 ns, Reaching"
                + " safepoint: 40000000 ns, Cleanup: 100 ns, At safepoint: 2000000 ns, Total: 42000000 ns, Threads: 0 runnable, 10 total\n"
                + "[2026-12-04T22:40:00.600+0000] Safepoint \"Cleanup\", Time since last: 1000 ns, Reaching safepoint:"
                + " 1000 ns, Cleanup: 100 ns, At safepoint: 300 ns, Total: 2400 ns, Threads: 0 runnable, 10 total\n";
        List<StallLogs.Event> stops = StallLogs.safepoints("referral", log, 5);
        assertEquals(1, stops.size());
        assertEquals("safepoint referral", stops.get(0).source());
        assertEquals("ICBufferFull", stops.get(0).what());
        assertEquals(T0 + 458_000, stops.get(0).start());
        assertEquals(T0 + 500_000, stops.get(0).end());
    }

    @Test
    void postgresKeepsSlowStatementsCheckpointsAndAutovacuumNotTheRest() {
        String log = "2026-12-04 22:40:00.200 UTC [42] LOG:  duration: 35.000 ms  execute S_1: select 1\n"
                + "2026-12-04 22:40:00.300 UTC [42] LOG:  duration: 2.000 ms  execute S_2: select 2\n"
                + "2026-12-04 22:40:00.400 UTC [9] LOG:  checkpoint starting: time\n"
                + "2026-12-04 22:40:00.450 UTC [9] LOG:  automatic vacuum of table \"intake.public.x\": index scans: 0\n"
                + "2026-12-04 22:40:00.460 UTC [9] LOG:  connection received: host=127.0.0.1\n"
                + "\tplan: continued line\n";
        List<StallLogs.Event> events = StallLogs.postgresEvents(log, 10);
        assertEquals(3, events.size());
        assertEquals(T0 + 165_000, events.get(0).start());
        assertEquals(T0 + 200_000, events.get(0).end());
        assertEquals("execute S_1: select 1", events.get(0).what());
        assertTrue(events.get(1).what().startsWith("checkpoint starting"));
        assertTrue(events.get(2).what().startsWith("automatic vacuum"));
    }

    @Test
    void eachStageIsTheDifferenceOfItsTwoTimesAndTheSlowestFlagsShowWhatOverlappedThem() {
        UUID fast = UUID.randomUUID();
        UUID slow = UUID.randomUUID();
        UUID lost = UUID.randomUUID();
        List<RiskStages.Flag> flags = List.of(
                new RiskStages.Flag(fast, T0, T0 + 5_000, T0 + 20_000),
                new RiskStages.Flag(slow, T0 + 100_000, T0 + 104_000, T0 + 300_000),
                new RiskStages.Flag(lost, T0 + 200_000, T0 + 204_000, null));
        Map<UUID, RiskStages.Trace> traces = Map.of(
                fast, new RiskStages.Trace(T0 + 7_000, T0 + 10_000, T0 + 15_000),
                // the consumer started before the relay marked the row sent: a negative stage, kept as it is
                slow, new RiskStages.Trace(T0 + 260_000, T0 + 259_000, T0 + 290_000));
        List<StallLogs.Event> events = List.of(
                new StallLogs.Event("GC referral", T0 + 150_000, T0 + 250_000, "Pause Full"),
                new StallLogs.Event("PostgreSQL", T0 + 1_000, T0 + 2_000, "checkpoint starting: time"),
                // a pause while the service started, before the run: not counted
                new StallLogs.Event("GC intake", T0 - 60_000_000, T0 - 59_000_000, "Pause Young"));

        RiskStages.Result r = RiskStages.analyse(flags, traces, events, 1);

        assertEquals(3, r.flags());
        assertEquals(2, r.traced());
        RiskStages.Slow slowest = r.slowest().get(0);
        assertEquals(slow, slowest.intake());
        assertEquals(2, slowest.order());
        assertEquals(0.1, slowest.postedAtSecond());
        assertEquals(200.0, slowest.totalMs());
        assertEquals(
                List.of(4.0, 156.0, -1.0, 31.0, 10.0),
                List.copyOf(slowest.stagesMs().values()));
        assertEquals(List.of("GC referral at +50.0 ms for 100.0 ms: Pause Full"), slowest.during());
        RiskStages.Stage total = r.stages().get(RiskStages.STAGES.size());
        assertEquals(200.0, total.max());
        assertEquals(20.0, total.p50());
        assertEquals(1, r.gcPauses());
        assertEquals(100.0, r.gcPauseMaxMs());
        assertEquals(1, r.postgresEvents());
    }

    private static long micros(String instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.parse(instant));
    }
}
