package org.praxis.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Benchmark 2: from the screening POST whose PHQ-9 item 9 raises a risk flag to the urgent draft
 * referral that referral-service opens from {@code risk-flag.raised} being visible in its API. Path:
 * intake's transaction, its outbox relay, Kafka, referral's inbox consumer, referral's transaction.
 * Screenings go out at a steady rate, one intake each; a poller lists the risk drafts every
 * {@link #POLL_MILLIS} ms, so a figure is late by at most one poll interval plus one list call.
 */
public final class RiskPropagation {
    static final long POLL_MILLIS = 20;
    private static final String USER = ScreeningThroughput.USER;

    public record Result(int flags, int seen, double ratePerSecond, long pollIntervalMillis, Latencies latency) {}

    private final PraxisApi api;
    private final List<UUID> intakes = new ArrayList<>();

    public RiskPropagation(PraxisApi api) {
        this.api = api;
    }

    public void prepare(int flags) {
        for (int i = 0; i < flags; i++) {
            intakes.add(api.openIntake(USER, "bench-risk-" + UUID.randomUUID(), "Bench Risk " + i));
        }
    }

    public Result run(double ratePerSecond) throws InterruptedException {
        Map<UUID, Long> postedAt = new ConcurrentHashMap<>();
        Map<UUID, Long> seenAt = new ConcurrentHashMap<>();
        Thread poller = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        long polledAt = System.nanoTime();
                        HttpResponse<String> r;
                        try {
                            r = api.get(USER, "referral", "/v1/referrals?status=draft&origin=risk-flag&limit=100");
                        } catch (IllegalStateException e) {
                            return; // interrupted at the end of the run
                        }
                        long answeredAt = System.nanoTime();
                        if (r.statusCode() == 200) {
                            for (JsonNode item : PraxisApi.read(r.body()).get("items")) {
                                UUID intake = item.hasNonNull("intakeId")
                                        ? UUID.fromString(item.get("intakeId").asText())
                                        : null;
                                if (intake != null && postedAt.containsKey(intake)) {
                                    seenAt.putIfAbsent(intake, answeredAt);
                                }
                            }
                        }
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS) - (answeredAt - polledAt));
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
            HttpResponse<String> r = api.post(
                    USER,
                    "intake",
                    "/v1/intakes/" + intake + "/screenings",
                    PraxisApi.phq9(new int[] {1, 1, 1, 1, 1, 1, 1, 1}, 1),
                    UUID.randomUUID().toString());
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
        Histogram h = Latencies.histogram();
        seenAt.forEach((intake, seen) -> h.recordValue(Math.max(1, (seen - postedAt.get(intake)) / 1000)));
        return new Result(intakes.size(), seenAt.size(), ratePerSecond, POLL_MILLIS, Latencies.of(h));
    }
}
