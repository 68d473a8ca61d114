package org.praxis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ceilings' and the reads' pgbench scripts, and a report against an older results file. */
class CeilingsAndReportTest {

    /** Variables pgbench would substitute: ":name" not preceded by another colon (a cast). */
    private static List<String> pgbenchVariables(String script) {
        return Pattern.compile("(?<!:):([a-z_]+)")
                .matcher(script)
                .results()
                .map(m -> m.group(1))
                .filter(v -> !List.of("text", "uuid", "int", "jsonb").contains(v))
                .distinct()
                .sorted()
                .toList();
    }

    private static LeastWorkCeiling.Column col(String name, String type, String value) {
        return new LeastWorkCeiling.Column(name, type, value);
    }

    /** A screening row as the service writes it, in part: what both ceilings must copy or replace. */
    private static List<LeastWorkCeiling.Column> screening() {
        return List.of(
                col("id", "uuid", UUID.randomUUID().toString()),
                col("tenant_id", "text", "acme"),
                col("intake_id", "uuid", UUID.randomUUID().toString()),
                col("answers", "text", "v2:dk-1:c2VhbGVk"),
                col("percent", "int4", null));
    }

    @Test
    void ceilingBInsertsCopiesOfTheServicesRowsInOneStatementWithFreshKeys() {
        Map<String, List<LeastWorkCeiling.Column>> samples = new LinkedHashMap<>();
        samples.put(
                "idempotency_record",
                List.of(
                        col("id", "uuid", UUID.randomUUID().toString()),
                        col("tenant_id", "text", "acme"),
                        col("scope", "text", "sub-1 submit-screening 42"),
                        col("idempotency_key", "text", "k-1"),
                        col("request_hash", "text", "v1:key-3:c2VhbGVk"),
                        col("status", "int4", "201"),
                        col("body", "text", "v1:key-3:it's sealed\\"),
                        col("created_at", "timestamptz", "2026-11-30 14:00:00+00")));
        samples.put("screening", screening());
        samples.put(
                "outbox_event",
                List.of(
                        col("seq", "bigserial", "17"),
                        col("id", "uuid", UUID.randomUUID().toString()),
                        col("payload", "jsonb", "{\"total\": 10, \"severity\":\"moderate\"}"),
                        col("sent_at", "timestamptz", null)));
        String script = LeastWorkCeiling.script(List.of(UUID.randomUUID(), UUID.randomUUID()), samples);

        assertEquals(List.of("i", "k"), pgbenchVariables(script), script);
        assertEquals(1, script.chars().filter(c -> c == ';').count(), "one statement: " + script);
        assertTrue(script.contains("with w0 as (insert into idempotency_record"), script);
        assertTrue(script.contains("insert into outbox_event (id, payload, sent_at)"), "seq left to its sequence");
        assertTrue(script.contains("E'{\"total\"\\x3a 10, \"severity\"\\x3a\"moderate\"}', now())"), "born sent");
        assertTrue(script.contains("E'v1\\x3akey-3\\x3ait\\'s sealed\\\\'"), "quote and backslash escaped");
        assertTrue(script.contains("'" + DatabaseCeiling.TENANT + "'") && !script.contains("'acme'"), script);
        assertTrue(script.contains(":k::text") && script.contains("[:i::int]"), script);
        assertEquals(3, script.split("gen_random_uuid\\(\\)", -1).length - 1, "a new id per row with one");
        assertTrue(script.contains("E'201'") && script.contains(", null)"), script);
    }

    /** Round trips of a pgbench script: each statement outside a pipeline, and each pipeline. */
    private static List<String> roundTrips(String script) {
        List<String> trips = new java.util.ArrayList<>();
        StringBuilder pipeline = null;
        for (String line : script.split("\n")) {
            if (line.equals("\\startpipeline")) {
                pipeline = new StringBuilder();
            } else if (line.equals("\\endpipeline")) {
                trips.add(pipeline.toString().trim());
                pipeline = null;
            } else if (!line.startsWith("\\") && !line.isBlank()) {
                String verb = line.split(" ")[0] + (line.startsWith("insert") ? " " + line.split(" ")[2] : "");
                if (pipeline != null) {
                    pipeline.append(verb).append(' ');
                } else {
                    trips.add(verb);
                }
            }
        }
        return trips;
    }

    @Test
    void ceilingARunsTheServicesSixRoundTripsWithCopiedRows() {
        Map<String, List<LeastWorkCeiling.Column>> samples = new LinkedHashMap<>();
        samples.put("screening", screening());
        samples.put(
                "idempotency_record", List.of(col("tenant_id", "text", "acme"), col("idempotency_key", "text", "k-1")));
        samples.put("audit_event", List.of(col("id", "uuid", UUID.randomUUID().toString())));
        samples.put("outbox_event", List.of(col("seq", "bigserial", "17"), col("payload", "jsonb", "{}")));
        samples.put(DatabaseCeiling.TRAJECTORY_EVENT, List.of(col("payload", "jsonb", "{\"x\":1}")));
        String script = DatabaseCeiling.script(List.of(UUID.randomUUID(), UUID.randomUUID()), samples);

        assertEquals(
                List.of(
                        "BEGIN; select",
                        "select",
                        "insert screening",
                        "select",
                        "insert idempotency_record insert audit_event insert outbox_event insert outbox_event",
                        "END;"),
                roundTrips(script),
                script);
        assertEquals(List.of("i", "k", "self"), pgbenchVariables(script), script);
        assertTrue(script.contains("returning id as self \\gset\n"), "the new screening's id kept for the next read");
        assertTrue(script.contains("s2_0.id <> :self::uuid"), "the earlier scores leave the new one out");
        assertTrue(script.contains("from intake i1_0 where i1_0.tenant_id = 'acme'"), "reads as the service reads");
        assertTrue(script.contains("from assignment a1_0 where a1_0.tenant_id = 'acme'"), script);
        assertTrue(script.contains("select max(s2_0.scored_at)") && script.contains("select min(s2_0.scored_at)"));
        assertTrue(script.contains("values (gen_random_uuid(), '" + DatabaseCeiling.TENANT + "', ("), "a new row");
        assertTrue(script.contains("E'{\"x\"\\x3a1}'"), "the trajectory's payload copied: " + script);
        assertTrue(script.contains("'" + DatabaseCeiling.TENANT + "', :k::text)"), "a fresh idempotency key");
        assertEquals(2, script.split("insert into outbox_event \\(payload\\)", -1).length - 1, "seq left out");
    }

    @Test
    void theReadCeilingHasOneScriptPerKindOfReadAndOnlyItsOwnVariable() {
        List<String> scripts = ReadThroughput.scripts("client-sub", "coach-sub", List.of(UUID.randomUUID()));
        assertEquals(ReadThroughput.KINDS.size(), scripts.size());
        assertEquals(List.of("e"), pgbenchVariables(String.join("\n", scripts)));
        assertTrue(scripts.get(0).contains("from action_item") && scripts.get(0).contains("'client-sub'"));
        assertTrue(scripts.get(3).contains("practitioner_id = 'coach-sub'"));
    }

    @Test
    void aReportAgainstAnOlderResultsFileSaysNotMeasuredWhereItHasNoFigure() throws Exception {
        Results old = BenchMain.load(Path.of("."), "results/2026-11-24.json");
        String md = Report.markdown(old, "results/x.json", "findings", old);
        assertTrue(md.contains("## Targets (issue 19)"));
        assertTrue(
                md.contains("| Screening POST ≥ 70 % of ceiling (b) at c=8 | not measured | not measured | - |"), md);
        // Figures both files have are shown and judged: 7.55 s against 1.5 s.
        assertTrue(
                md.contains(
                        "| intake-service ready ≤ 1.5 s from process start | 7.55 s (median of 3) | 7.55 s (median of 3)"
                                + " | **not met** |"),
                md);
        // Each service on a row of its own, before and after; a service the older run did not have is not measured.
        assertTrue(md.contains("| assessment-service RSS ≤ 150 MiB after benchmark 1 | 243 MiB | 243 MiB |"), md);
        assertTrue(
                md.contains("| webhook-service ready ≤ 1.5 s from process start | not measured | not measured | - |"),
                md);
        // The paced ratio at each concurrency, not only the worst: 52.19 / 7.13 ms at c=8.
        assertTrue(md.contains("| Paced p99 ≤ 3 × p50 at c=8 | 7.32 × | 7.32 × | **not met** |"), md);
        assertTrue(md.contains("| Paced p99 ≤ 3 × p50 at c=32 | 10.85 × | 10.85 × | **not met** |"), md);
        assertTrue(md.contains("| 31.65 ms (no warm-up) | 31.65 ms (no warm-up) | **not met** |"), md);
        assertTrue(md.contains("| Reads at c=32: req/s (no target) | not measured | not measured | - |"), md);
        assertTrue(md.contains("## 5. Reads a mobile app causes (session-service)\n\nNot measured by this run."));
        assertFalse(md.contains("NaN"), md);
    }

    /** An older commit measured as the report's before writes no rows for today's ceiling (a) script to copy. */
    @Test
    void aRunWithoutCeilingASaysNotMeasuredThere() throws Exception {
        Results r = BenchMain.load(Path.of("."), "results/2026-12-04-561cc79.json");
        List<ScreeningThroughput.Level> levels = r.screening().levels().stream()
                .map(l -> new ScreeningThroughput.Level(
                        l.concurrency(),
                        l.closed(),
                        l.paced(),
                        null,
                        ScreeningThroughput.ratio(l.closed(), null),
                        l.cpuMsPerRequest(),
                        l.leastWork(),
                        l.ratioToLeastWork(),
                        l.drainSeconds(),
                        l.pacedCpuMsPerRequest(),
                        l.compilerShare()))
                .toList();
        Results without = new Results(
                r.date(),
                r.mode(),
                r.totalSeconds(),
                r.machine(),
                r.settings(),
                new ScreeningThroughput.Result(
                        r.screening().intakes(),
                        r.screening().warmUpSeconds(),
                        levels,
                        r.screening().idleMachineBusy(),
                        r.screening().warmUp()),
                r.riskPropagation(),
                r.lists(),
                r.startup(),
                r.rssMiB(),
                r.nativeMode(),
                r.reads(),
                r.intakeProfile(),
                r.intakeCpuTimeProfile(),
                r.intakeThreadCpuMsPerRequest(),
                r.floor());
        String md = Report.markdown(without, "results/x.json", "findings", r);
        assertTrue(md.contains("| 32 | 571 | not measured | - | - | 3976 | 4.71 / 59.46 | **14 %** |"), md);
        assertFalse(md.contains("NaN"), md);
        String chart = Report.chart(without);
        assertTrue(chart.contains("data-name=\"pgbench p50\""), chart);
    }

    @Test
    void theProfileShowsBothSamplersAndTheThreadsWhereTheRunMeasuredThem() throws Exception {
        Results old = BenchMain.load(Path.of("."), "results/2026-12-04-a6bb47b.json"); // execution samples only
        String md = Report.markdown(old, "results/x.json", "findings", old);
        assertTrue(md.contains("| `io.vertx.core` | 47.67 % | not measured |"), md);
        assertFalse(md.contains("ms per screening"), "no thread table without thread figures");

        Results profiled = new Results(
                old.date(),
                old.mode(),
                old.totalSeconds(),
                old.machine(),
                old.settings(),
                old.screening(),
                old.riskPropagation(),
                old.lists(),
                old.startup(),
                old.rssMiB(),
                old.nativeMode(),
                old.reads(),
                java.util.Map.of("io.vertx.core", 60.0, "other", 40.0),
                java.util.Map.of("org.hibernate.orm", 30.0, "io.vertx.core", 5.0, "other", 65.0),
                new java.util.LinkedHashMap<>(java.util.Map.of("executor-thread", 0.9, "tiny", 0.005)),
                old.floor());
        md = Report.markdown(profiled, "results/x.json", "findings", old);
        assertTrue(md.contains("| `io.vertx.core` | 60.00 % | 5.00 % |"), md);
        assertTrue(md.contains("| `org.hibernate.orm` | – | 30.00 % |"), md);
        assertTrue(md.indexOf("| `other` |") > md.indexOf("| `org.hibernate.orm` |"), "other comes last");
        assertTrue(md.contains("| `executor-thread` | 0.900 | 99.45 % |"), md);
        assertTrue(md.contains("| others, each under 1 % | 0.005 | 0.55 % |"), md);
        assertFalse(md.contains("`tiny`"), md);
    }

    /**
     * Benchmark 6's figures stand beside the targets they bound, against this run's ceiling (b); a run without it
     * has neither the column nor the section.
     */
    @Test
    void theFloorStandsBesideTheTargetsItBounds() throws Exception {
        Results r = BenchMain.load(Path.of("."), "results/2026-12-04-d5960f6.json");
        String without = Report.markdown(r, "results/x.json", "findings", r);
        assertFalse(without.contains("| floor |") || without.contains("## 6."), "no floor in that run");
        QuarkusFloor.Result floor = new QuarkusFloor.Result(
                List.of(
                        new QuarkusFloor.Start("bare", List.of(0.9, 0.8, 0.85), 0.85, 94, true),
                        new QuarkusFloor.Start("stack", List.of(3.1, 3.2, 3.0), 3.1, 196, false)),
                new JitCompilers.WarmUp(45, 0.03, 30, 180),
                List.of(
                        new QuarkusFloor.Load(8, 1619.2, new Latencies(100, 4.5, 8, 12.25, 30, 5), 0, 0.652),
                        new QuarkusFloor.Load(32, 1700, new Latencies(100, 18, 30, 41.5, 60, 19), 3, 0.61)),
                246);
        Results withFloor = r.withFloor(floor);
        String md = Report.markdown(withFloor, "results/x.json", "findings", null);
        // Ceiling (b) at c=8 in that run: 4048 tps; 1619.2 / 4048 = 40 %.
        assertTrue(
                md.contains(
                        "| Screening POST ≥ 70 % of ceiling (b) at c=8 | - | 9 % (343/s ÷ 4048 tps) | **not met** | 40 %"
                                + " (**not met**) |"),
                md);
        assertTrue(
                md.contains(
                        "| intake-service CPU per screening ≤ 0.7 ms at c=32 | - | 2.01 ms | **not met** | 0.61 ms (met) |"),
                md);
        assertTrue(md.contains("| 5.36 s (median of 5) | **not met** | 3.10 s (**not met**) |"), md);
        assertTrue(md.contains("| 451 MiB | **not met** | 246 MiB (**not met**) |"), md);
        assertTrue(md.contains("| Risk flag → urgent draft p50 ≤ 30 ms | - | 25.06 ms (no warm-up) | met | - |"), md);
        assertTrue(md.contains("| bare | 0.90, 0.80, 0.85 | **0.85** | 94.00 MiB | yes |"), md);
        assertTrue(md.contains("| 196 MiB | no |"), md);
        assertTrue(md.contains("| 8 | **1619** | 4.50 / 12.25 | 0.65 ms | 40 % | 343 | 1.87 ms |"), md);
        assertTrue(md.contains("| 32 | **1700** (3 failed) |"), md);
        assertTrue(md.contains("until its JIT compilers used under"), md);
        assertFalse(md.contains("NaN"), md);

        // A run without ceiling (b): the floor's share of it is not measured, and no target is judged on it.
        Results old = BenchMain.load(Path.of("."), "results/2026-11-24.json");
        Results oldWithFloor = old.withFloor(floor);
        md = Report.markdown(oldWithFloor, "results/x.json", "findings", null);
        assertTrue(md.contains("| Screening POST ≥ 70 % of ceiling (b) at c=8 | - | not measured | - | - |"), md);
        assertTrue(md.contains("| 0.65 ms | not measured |"), md);
    }

    /** The risk path's warm-up is shown beside the measured flags; a run without one says nothing of it. */
    @Test
    void theRiskWarmUpIsShownNotHidden(@TempDir Path dir) throws Exception {
        Results without = BenchMain.load(Path.of("."), "results/2026-12-04-d5960f6.json");
        String md = Report.markdown(without, "results/x.json", "findings", null);
        assertFalse(md.contains("warmed the path"), md);

        ObjectMapper json = new ObjectMapper();
        ObjectNode tree = (ObjectNode)
                json.readTree(Path.of("results/2026-12-04-d5960f6.json").toFile());
        ((ObjectNode) tree.get("riskPropagation"))
                .set("warmUp", json.valueToTree(new Latencies(100, 17.5, 40, 480.25, 547.3, 30)));
        Path file = dir.resolve("with-warm-up.json");
        Files.writeString(file, json.writeValueAsString(tree));
        Results with = BenchMain.load(Path.of("."), file.toString());
        assertEquals(100, with.riskPropagation().warmUp().count());
        md = Report.markdown(with, "results/x.json", "findings", null);
        assertTrue(
                md.contains(
                        "Before them, 100 flags at the same rate warmed the path (benchmark 1 raises none): p50 17.50"
                                + " ms, p99 480 ms, max 547 ms. Without them, `bench/run --risk` found the first flags"),
                md);
        assertTrue(
                md.contains("| Risk flag → urgent draft p99 ≤ 100 ms | - | 67.65 ms (after 100 warm-up flags) | met |"),
                md);
        assertTrue(md.contains("the first after the services' start (no target) | - | 480 ms | - |"), md);
        // The target is judged on the measured flags, not the warm-up.
        assertEquals(without.riskPropagation().latency(), with.riskPropagation().latency());
    }
}
