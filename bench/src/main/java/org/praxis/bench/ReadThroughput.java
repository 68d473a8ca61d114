package org.praxis.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.HdrHistogram.Recorder;

/**
 * Benchmark 5: the reads a mobile app causes, all served by session-service: the client's open actions
 * ({@code GET /v1/me/actions}), an engagement it already holds ({@code GET /v1/engagements/{id}} with
 * {@code If-None-Match} of its ETag: 304), the client's engagements ({@code GET /v1/me/engagements}) and
 * the coach's list ({@code GET /v1/engagements}), each request one of the four at random. Closed and paced
 * like benchmark 1, with the CPU per request and its own ceiling: pgbench running, as one of four scripts
 * at random, the select each answer needs. The data is made through the API: engagements of client1 with
 * coach1, a contract both accepted, three action items each.
 */
public final class ReadThroughput {
    static final String CLIENT = "client1";
    static final String COACH = "coach1";
    static final List<String> KINDS = List.of("me/actions", "engagement 304", "me/engagements", "engagements");

    public record Result(
            int engagements,
            LoadGenerator.Run closed,
            LoadGenerator.Run paced,
            Map<String, Latencies> closedByKind,
            Map<String, Double> cpuMsPerRequest,
            DatabaseCeiling.Result ceiling,
            double ratioToCeiling,
            double drainSeconds,
            double pacedMachineBusy,
            AutovacuumLog.Summary pacedAutovacuum,
            Map<String, Double> pacedCpuMsPerRequest,
            JitCompilers.WarmUp warmUp,
            double compilerShare) {

        /** What bench/run prints when the benchmark is done. */
        String summary() {
            return "  quiet after " + drainSeconds + " s; paced run: machine " + Math.round(pacedMachineBusy * 100)
                    + " % busy, autovacuum " + pacedAutovacuum + "; CPU per read " + LocalStack.total(cpuMsPerRequest)
                    + " ms closed, " + LocalStack.total(pacedCpuMsPerRequest) + " ms paced\n  closed "
                    + closed.throughput() + "/s " + closed.latency() + "; paced " + paced.latency() + "; pgbench "
                    + ceiling.tps() + " tps";
        }
    }

    private final LocalStack stack;
    private final PraxisApi api;
    private final Map<UUID, String> etags = new ConcurrentHashMap<>();
    private final Map<String, Recorder> byKind = new LinkedHashMap<>();
    private final List<UUID> engagements = new ArrayList<>();

    public ReadThroughput(LocalStack stack, PraxisApi api) {
        this.stack = stack;
        this.api = api;
        KINDS.forEach(k -> byKind.put(k, new Recorder(TimeUnit.MINUTES.toMicros(10), 3)));
    }

    /** Opens {@code count} engagements of client1 with coach1, each with an accepted contract and three actions. */
    public void prepare(int count) {
        String client = api.subject(CLIENT);
        String coach = api.subject(COACH);
        for (int i = 0; i < count; i++) {
            UUID id = UUID.fromString(PraxisApi.read(expect(
                                    201,
                                    api.post(
                                            COACH,
                                            "session",
                                            "/v1/engagements",
                                            Map.of("clientSubject", client, "pathway", "coaching"),
                                            UUID.randomUUID().toString()))
                            .body())
                    .get("id")
                    .asText());
            String path = "/v1/engagements/" + id;
            Map<String, Object> contract = Map.of(
                    "purpose",
                    "Leading a team through a reorganisation",
                    "parties",
                    List.of(
                            Map.of("role", "client", "subject", client, "required", true),
                            Map.of("role", "coach", "subject", coach, "required", true)));
            expect(
                    201,
                    api.post(
                            COACH,
                            "session",
                            path + "/contracts",
                            contract,
                            UUID.randomUUID().toString()));
            expect(200, api.post(CLIENT, "session", path + "/contracts/1/acceptance", Map.of(), null));
            expect(200, api.post(COACH, "session", path + "/contracts/1/acceptance", Map.of(), null));
            for (int a = 1; a <= 3; a++) {
                Map<String, Object> action =
                        Map.of("title", "Write down three moments of calm, week " + a, "dueDate", "2030-01-0" + a);
                expect(
                        201,
                        api.post(
                                COACH,
                                "session",
                                path + "/actions",
                                action,
                                UUID.randomUUID().toString()));
            }
            engagements.add(id);
        }
    }

    private static HttpConnection.Reply expect(int status, HttpConnection.Reply r) {
        if (r.statusCode() != status) {
            throw new IllegalStateException("expected " + status + ", got " + r.statusCode() + " " + r.body());
        }
        return r;
    }

    /** One read of a random kind; its service time also goes to its kind's histogram. */
    boolean read() {
        int kind = ThreadLocalRandom.current().nextInt(KINDS.size());
        long sent = System.nanoTime();
        HttpConnection.Reply r;
        int expected = 200;
        switch (kind) {
            case 0 -> r = api.get(CLIENT, "session", "/v1/me/actions?limit=20");
            case 1 -> {
                UUID id = engagements.get(ThreadLocalRandom.current().nextInt(engagements.size()));
                r = api.getIfNoneMatch(CLIENT, "session", "/v1/engagements/" + id, etags.get(id));
                expected = 304;
            }
            case 2 -> r = api.get(CLIENT, "session", "/v1/me/engagements?limit=20");
            default -> r = api.get(COACH, "session", "/v1/engagements?limit=20");
        }
        byKind.get(KINDS.get(kind)).recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
        return r.statusCode() == expected;
    }

    /**
     * {@code quietBelow}: the machine's busy share to wait for before the warm-up and the paced run, as benchmark 1
     * does before its paced runs; what benchmark 1 left (the consumers' backlog, autovacuum after its ceilings'
     * inserts) is not these reads' cost.
     */
    public Result run(
            int concurrency, Duration warmUp, Duration warmUpAtMost, Duration duration, double quietBelow, Path work)
            throws Exception {
        for (UUID id : engagements) {
            etags.put(
                    id,
                    expect(200, api.get(CLIENT, "session", "/v1/engagements/" + id))
                            .header("etag"));
        }
        double drained = ProcessFacts.awaitQuiet(quietBelow, ScreeningThroughput.QUIET_AT_MOST);
        JitCompilers compilers = new JitCompilers(stack);
        JitCompilers.WarmUp warmedUp =
                compilers.warmUp(warmUp, warmUpAtMost, d -> LoadGenerator.closed(concurrency, d, this::read));
        api.disconnect();
        byKind.values().forEach(Recorder::reset);
        Map<String, Map<Long, ProcessFacts.ThreadCpu>> threadsBefore = compilers.threads();
        Map<String, Double> cpuBefore = stack.cpuMillis();
        LoadGenerator.Run closed = LoadGenerator.closed(concurrency, duration, this::read);
        Map<String, Double> cpu = LocalStack.perRequest(cpuBefore, stack.cpuMillis(), closed);
        double compilerShare = JitCompilers.share(threadsBefore, compilers.threads());
        Map<String, Latencies> kinds = new LinkedHashMap<>();
        byKind.forEach((k, rec) -> kinds.put(k, Latencies.of(rec.getIntervalHistogram())));
        api.disconnect();
        ProcessFacts.awaitQuiet(quietBelow, ScreeningThroughput.QUIET_AT_MOST);
        long logFrom = Files.size(stack.postgresLog());
        ProcessFacts.MachineTicks ticks = ProcessFacts.machineTicks();
        Map<String, Double> pacedCpuBefore = stack.cpuMillis();
        LoadGenerator.Run paced = LoadGenerator.paced(
                concurrency, Math.max(1, closed.throughput() * ScreeningThroughput.PACED_SHARE), duration, this::read);
        Map<String, Double> pacedCpu = LocalStack.perRequest(pacedCpuBefore, stack.cpuMillis(), paced);
        double busy = Math.round(ProcessFacts.machineTicks().busySince(ticks) * 1000) / 1000.0;
        AutovacuumLog.Summary autovacuum = AutovacuumLog.summary(stack.postgresLogFrom(logFrom));
        api.disconnect();
        DatabaseCeiling.Result ceiling = DatabaseCeiling.pgbench(
                stack,
                "session",
                scripts(api.subject(CLIENT), api.subject(COACH), engagements),
                concurrency,
                (int) Math.max(1, duration.toSeconds()),
                work.resolve("reads-c" + concurrency));
        return new Result(
                engagements.size(),
                closed,
                paced,
                kinds,
                cpu,
                ceiling,
                ScreeningThroughput.ratio(closed, ceiling),
                drained,
                busy,
                autovacuum,
                pacedCpu,
                warmedUp,
                compilerShare);
    }

    /** The least each answer needs: the rows it shows, by the tables' own indexes, 21 for a page of 20. */
    static List<String> scripts(String client, String coach, List<UUID> engagementIds) {
        String ids = engagementIds.stream().map(UUID::toString).collect(Collectors.joining(",", "'{", "}'::uuid[]"));
        return List.of(
                "select a.* from action_item a join engagement e on e.id = a.engagement_id"
                        + " where a.tenant_id = 'acme' and e.tenant_id = 'acme' and e.client_subject = '" + client
                        + "' and a.done = false order by a.due_date nulls last, a.id limit 21;\n",
                "\\set e random(1, " + engagementIds.size() + ")\n"
                        + "select e.version from engagement e where e.tenant_id = 'acme' and e.id = (" + ids
                        + ")[:e::int] and e.client_subject = '" + client + "';\n",
                "select e.* from engagement e where e.tenant_id = 'acme' and e.client_subject = '" + client
                        + "' order by e.created_at desc, e.id desc limit 21;\n",
                "select e.* from engagement e where e.tenant_id = 'acme' and e.practitioner_id = '" + coach
                        + "' order by e.created_at desc, e.id desc limit 21;\n");
    }
}
