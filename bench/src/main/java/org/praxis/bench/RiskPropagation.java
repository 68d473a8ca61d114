package org.praxis.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongUnaryOperator;
import org.HdrHistogram.Histogram;

/**
 * Benchmark 2: from the screening POST whose PHQ-9 item 9 raises a risk flag to the urgent draft
 * referral that referral-service opens from {@code risk-flag.raised} being visible. Path: intake's
 * transaction, its outbox relay, Kafka, referral's inbox consumer, referral's transaction. Screenings go
 * out at a steady rate, one intake each. Visible means committed in referral-service's database, which
 * is what its {@code GET /v1/referrals} reads: a poller asks the database every {@link #POLL_MILLIS} ms
 * over one connection (an indexed select of the few newest drafts, tens of microseconds, where polling
 * the API every 20 ms cost a request each time and made figures up to 20 ms late). A figure is late by at
 * most one poll interval plus one select; at the end the API must list the last draft too.
 */
public final class RiskPropagation {
    static final long POLL_MILLIS = 2;
    private static final String USER = ScreeningThroughput.USER;

    /**
     * Flags sent before the measured ones, at the same rate: benchmark 1 raises none, so without them the first
     * flags measured the first risk draft referral-service opens after its start (bench/run --risk: 452 ms in
     * its transaction, the next five queued behind it).
     */
    static final int WARM_UP_FLAGS = 100;

    /**
     * {@code pollMillis}: how late a figure may be, the poll interval plus the slowest select. {@code warmUp}: the
     * {@link #WARM_UP_FLAGS} sent first, not part of {@code latency} (absent in results written before them).
     */
    public record Result(
            int flags,
            int seen,
            double ratePerSecond,
            long pollIntervalMillis,
            Latencies latency,
            Double pollMillis,
            Latencies warmUp) {
        Result withWarmUp(Latencies warmUp) {
            return new Result(flags, seen, ratePerSecond, pollIntervalMillis, latency, pollMillis, warmUp);
        }
    }

    /**
     * {@link #WARM_UP_FLAGS} on intakes of their own, then the flags {@link #prepare} opened; each run starts once
     * {@code awaitQuiet} returns, so no flag queues behind the events of the intakes just opened.
     */
    public Result runAfterWarmUp(double ratePerSecond, Callable<Double> awaitQuiet) throws Exception {
        RiskPropagation warm = new RiskPropagation(stack, api);
        warm.prepare(WARM_UP_FLAGS);
        BenchMain.say("  quiet after " + awaitQuiet.call() + " s; " + WARM_UP_FLAGS + " warm-up flags");
        Latencies warmUp = warm.run(ratePerSecond).latency();
        BenchMain.say("  warm-up " + warmUp + "; quiet after " + awaitQuiet.call() + " s; the measured flags");
        return run(ratePerSecond).withWarmUp(warmUp);
    }

    /** The report's words on the warm-up, shown beside the measured flags (the cold path's cost, not hidden). */
    static String warmUpNote(Latencies w) {
        return "Before them, " + w.count() + " flags at the same rate warmed the path (benchmark 1 raises none): p50 "
                + Report.f(w.p50()) + " ms, p99 " + Report.f(w.p99()) + " ms, max " + Report.f(w.max())
                + " ms. Without them, `bench/run --risk` found the first flags of the run slowest: the first risk"
                + " draft referral-service opened after its start, and the flags queued behind it (FINDINGS).\n\n";
    }

    private final LocalStack stack;
    private final PraxisApi api;
    private final List<UUID> intakes = new ArrayList<>();
    private final List<RiskStages.Flag> flags = new ArrayList<>();

    public RiskPropagation(LocalStack stack, PraxisApi api) {
        this.stack = stack;
        this.api = api;
    }

    public void prepare(int flags) {
        for (int i = 0; i < flags; i++) {
            intakes.add(api.openIntake(USER, "bench-risk-" + UUID.randomUUID(), "Bench Risk " + i));
        }
    }

    /** The last run's flags with their wall-clock times, for {@link RiskStages}. */
    List<RiskStages.Flag> flags() {
        return List.copyOf(flags);
    }

    public Result run(double ratePerSecond) throws Exception {
        Map<UUID, Long> postedAt = new ConcurrentHashMap<>();
        Map<UUID, Long> respondedAt = new ConcurrentHashMap<>();
        // Wall-clock microseconds of a System.nanoTime, to set beside the timestamps the databases keep.
        long epochMicrosAtStart = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long nanoAtStart = System.nanoTime();
        LongUnaryOperator wallMicros = nano -> epochMicrosAtStart + (nano - nanoAtStart) / 1000;
        Map<UUID, Long> seenAt = new ConcurrentHashMap<>();
        Histogram selects = Latencies.histogram();
        Connection db = stack.connect("referral");
        PreparedStatement newest = db.prepareStatement("select intake_id from referral where tenant_id = 'acme'"
                + " and origin = 'risk-flag' and status = 'draft' and created_at > now() - interval '30 seconds'"
                + " order by created_at desc, id desc limit 100");
        Thread poller = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        long polledAt = System.nanoTime();
                        try (ResultSet r = newest.executeQuery()) {
                            long answeredAt = System.nanoTime();
                            while (r.next()) {
                                UUID intake = r.getObject(1, UUID.class);
                                if (intake != null && postedAt.containsKey(intake)) {
                                    seenAt.putIfAbsent(intake, answeredAt);
                                }
                            }
                            selects.recordValue(Math.max(1, (answeredAt - polledAt) / 1000));
                        } catch (SQLException e) {
                            return; // the connection closed at the end of the run
                        }
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS));
                    }
                },
                "risk-poller");
        poller.setDaemon(true);
        poller.start();
        long interval = (long) (1e9 / ratePerSecond);
        long due = System.nanoTime();
        for (UUID intake : intakes) {
            while (System.nanoTime() < due) {
                LockSupport.parkNanos(due - System.nanoTime());
            }
            long sent = System.nanoTime();
            postedAt.put(intake, sent);
            HttpConnection.Reply r = api.post(
                    USER,
                    "intake",
                    "/v1/intakes/" + intake + "/screenings",
                    PraxisApi.phq9(new int[] {1, 1, 1, 1, 1, 1, 1, 1}, 1),
                    UUID.randomUUID().toString());
            respondedAt.put(intake, System.nanoTime());
            if (r.statusCode() != 201
                    || PraxisApi.read(r.body()).get("riskFlags").isEmpty()) {
                throw new IllegalStateException(
                        "a screening with item 9 > 0 raised no flag: " + r.statusCode() + " " + r.body());
            }
            due += interval;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (seenAt.size() < intakes.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        poller.interrupt();
        poller.join(5000);
        db.close();
        UUID lastIntake = intakes.get(intakes.size() - 1);
        HttpConnection.Reply last = api.get(USER, "referral", "/v1/referrals?status=draft&origin=risk-flag&limit=5");
        if (seenAt.containsKey(lastIntake)
                && (last.statusCode() != 200 || !last.body().contains(lastIntake.toString()))) {
            throw new IllegalStateException("the database has the last risk draft, the API does not list it: "
                    + last.statusCode() + " " + last.body());
        }
        flags.clear();
        for (UUID intake : intakes) {
            Long seen = seenAt.get(intake);
            flags.add(new RiskStages.Flag(
                    intake,
                    wallMicros.applyAsLong(postedAt.get(intake)),
                    wallMicros.applyAsLong(respondedAt.get(intake)),
                    seen == null ? null : wallMicros.applyAsLong(seen)));
        }
        Histogram h = Latencies.histogram();
        seenAt.forEach((intake, seen) -> h.recordValue(Math.max(1, (seen - postedAt.get(intake)) / 1000)));
        Latencies select = Latencies.of(selects);
        return new Result(
                intakes.size(),
                seenAt.size(),
                ratePerSecond,
                POLL_MILLIS,
                Latencies.of(h),
                POLL_MILLIS + select.max(),
                null);
    }
}
