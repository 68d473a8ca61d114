package org.praxis.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** What the driver reads from pgbench, PostgreSQL's log and /proc, and the chart it draws. */
class ReadingOutputsTest {

    /**
     * The compilers' share of the services' CPU between two readings of their threads: each thread's own difference,
     * a thread started in between counted from zero, both services summed.
     */
    @Test
    void theCompilersShareIsTheirThreadsDifferenceOverAllThreads() {
        Map<String, Map<Long, ProcessFacts.ThreadCpu>> before = Map.of(
                "intake",
                Map.of(
                        1L, new ProcessFacts.ThreadCpu("C2 CompilerThre", 5_000),
                        2L, new ProcessFacts.ThreadCpu("executor-thread", 1_000)),
                "session",
                Map.of(3L, new ProcessFacts.ThreadCpu("C1 CompilerThre", 700)));
        Map<String, Map<Long, ProcessFacts.ThreadCpu>> after = Map.of(
                "intake",
                Map.of(
                        1L, new ProcessFacts.ThreadCpu("C2 CompilerThre", 5_100),
                        2L, new ProcessFacts.ThreadCpu("executor-thread", 1_600),
                        4L, new ProcessFacts.ThreadCpu("executor-thread", 200)),
                "session",
                Map.of(3L, new ProcessFacts.ThreadCpu("C1 CompilerThre", 800)));
        // compilers 100 + 100 of 100 + 600 + 200 + 100
        assertEquals(0.2, JitCompilers.share(before, after), 1e-9);
        assertEquals(0, JitCompilers.share(after, after));
    }

    @Test
    void pgbenchSummaryAndPerTransactionLogAreRead() {
        String out = "number of transactions actually processed: 12345\nnumber of failed transactions: 3 (0.024%)\n"
                + "latency average = 4.2 ms\ntps = 617.250000 (without initial connection time)\n";
        assertEquals(12345, DatabaseCeiling.number(out, "number of transactions actually processed: (\\d+)"));
        assertEquals(3, DatabaseCeiling.numberOr(out, "number of failed transactions: (\\d+)", 0));
        assertEquals(617.25, DatabaseCeiling.decimal(out, "tps = ([0-9.]+)"));
        Histogram h = Latencies.histogram();
        DatabaseCeiling.recordLogLine(h, "0 199 2150 0 1764000000 123456");
        DatabaseCeiling.recordLogLine(h, "1 200 failed 0 1764000000 123999");
        DatabaseCeiling.recordLogLine(h, "1 201 9800 0 1764000001 000001");
        assertEquals(2, h.getTotalCount());
        assertEquals(9.8, Latencies.of(h).max(), 0.02);
    }

    @Test
    void autovacuumRunsAreCountedWithTheirCpuFromTheLog() {
        String log = """
                2026-12-02 01:45:01.123 UTC [20973] LOG:  automatic vacuum of table "intake.public.screening": index scans: 1
                \tpages: 0 removed, 5120 remain, 2100 scanned (41.02% of total)
                \ttuples: 0 removed, 140000 remain, 0 are dead but not yet removable
                \tsystem usage: CPU: user: 0.41 s, system: 0.03 s, elapsed: 0.62 s
                2026-12-02 01:45:01.500 UTC [1] LOG:  checkpoint starting: wal
                2026-12-02 01:45:02.000 UTC [20974] LOG:  automatic analyze of table "intake.public.outbox_event"
                \tavg read rate: 12.000 MB/s, avg write rate: 0.100 MB/s
                \tsystem usage: CPU: user: 0.20 s, system: 0.00 s, elapsed: 0.30 s
                2026-12-02 01:45:02.500 UTC [20976] LOG:  automatic aggressive vacuum to prevent wraparound of table "session.public.engagement": index scans: 0
                \tsystem usage: CPU: user: 0.10 s, system: 0.01 s, elapsed: 0.12 s
                2026-12-02 01:45:03.000 UTC [20975] LOG:  automatic analyze of table "session.public.action_item"
                2026-12-02 01:45:03.100 UTC [14126] LOG:  received fast shutdown request
                2026-12-02 01:45:03.200 UTC [20975] FATAL:  terminating autovacuum process due to administrator command
                """;
        assertEquals(
                List.of(
                        new AutovacuumLog.Run("vacuum", "intake.public.screening", 0.44),
                        new AutovacuumLog.Run("analyze", "intake.public.outbox_event", 0.20),
                        new AutovacuumLog.Run("vacuum", "session.public.engagement", 0.11)),
                AutovacuumLog.runs(log).stream()
                        .map(r -> new AutovacuumLog.Run(r.kind(), r.table(), Math.round(r.cpuSeconds() * 100) / 100.0))
                        .toList(),
                "a run cut off before its usage line is not counted");
        AutovacuumLog.Summary summary = AutovacuumLog.summary(log);
        assertEquals(3, summary.runs());
        assertEquals(0.75, summary.cpuSeconds());
        assertEquals(
                List.of(
                        "vacuum intake.public.screening",
                        "analyze intake.public.outbox_event",
                        "vacuum session.public.engagement"),
                summary.tables());
        assertEquals(
                new AutovacuumLog.Summary(0, 0, List.of()),
                AutovacuumLog.summary("2026-12-02 LOG:  checkpoint starting: wal\n"));
    }

    @Test
    void autoExplainPlansAreTakenFromTheLogForTheQueriesAskedFor() {
        String log = """
                2026-11-24 21:00:00.000 UTC [1] LOG:  duration: 0.412 ms  plan:
                \tQuery Text: select i1_0.id from intake i1_0 where i1_0.tenant_id=$1 order by i1_0.created_at desc
                \tLimit  (cost=0.42..5.10 rows=51 width=200) (actual time=0.02..0.30 rows=51 loops=1)
                \t  ->  Index Scan using intake_page on intake i1_0
                2026-11-24 21:00:00.100 UTC [1] LOG:  duration: 0.050 ms  plan:
                \tQuery Text: select * from triage_policy
                \tSeq Scan on triage_policy
                2026-11-24 21:00:00.200 UTC [1] LOG:  statement: something else
                """;
        List<String> plans = AutoExplainLog.plans(log, "from intake");
        assertEquals(1, plans.size());
        assertTrue(plans.get(0).startsWith("Query Text: select i1_0.id"));
        assertTrue(plans.get(0).contains("Index Scan using intake_page"));
    }

    @Test
    void aPageAfterACursorIsToldFromTheFirstPageInEitherFormOfTheKeysetCondition() {
        String first =
                "Query Text: select i1_0.id from intake i1_0 where i1_0.tenant_id=$1 order by i1_0.created_at desc\nLimit";
        String rowForm =
                "Query Text: select i1_0.id from intake i1_0 where i1_0.tenant_id=$1 and ((i1_0.created_at,i1_0.id)<($2,$3))\nLimit";
        String orForm =
                "Query Text: select i1_0.id from intake i1_0 where (i1_0.created_at<$2 or (i1_0.created_at=$3))\nLimit";
        assertTrue(!ListsAtScale.isDeep(first));
        assertTrue(ListsAtScale.isDeep(rowForm));
        assertTrue(ListsAtScale.isDeep(orForm));
    }

    @Test
    void profileSamplesAreSharedOutByPackageLargestFirstWithTheRestAsOther() {
        assertEquals("org.hibernate.engine", CpuProfile.shortPackage("org.hibernate.engine.spi.ActionQueue"));
        assertEquals("io.vertx", CpuProfile.shortPackage("io.vertx.Foo"));
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        for (int i = 0; i < CpuProfile.TOP + 2; i++) {
            counts.put("p" + i, (long) (i + 1));
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        var shares = CpuProfile.shares(counts, total);
        assertEquals(List.copyOf(shares.keySet()).get(0), "p" + (CpuProfile.TOP + 1));
        assertEquals(CpuProfile.TOP + 1, shares.size());
        assertEquals(100.0 * 3 / total, shares.get("other"), 0.01); // p0 and p1: 1 + 2 samples
        assertEquals(
                100.0, shares.values().stream().mapToDouble(Double::doubleValue).sum(), 0.1);
    }

    @Test
    void threadCpuIsSummedPerPoolOverWhatEachThreadUsedInBetween() {
        assertEquals("agroal-", ProcessFacts.threadGroup("agroal-12"));
        assertEquals("GC Thread", ProcessFacts.threadGroup("GC Thread#1"));
        assertEquals("executor-thread", ProcessFacts.threadGroup("executor-thread")); // Linux cut the number off
        var before = java.util.Map.of(
                1L, new ProcessFacts.ThreadCpu("agroal-1", 100),
                2L, new ProcessFacts.ThreadCpu("agroal-2", 50),
                3L, new ProcessFacts.ThreadCpu("outbox-relay", 10));
        var after = java.util.Map.of(
                1L, new ProcessFacts.ThreadCpu("agroal-1", 130),
                2L, new ProcessFacts.ThreadCpu("agroal-2", 60),
                3L, new ProcessFacts.ThreadCpu("outbox-relay", 10), // idle in between: left out
                4L, new ProcessFacts.ThreadCpu("executor-thread", 70)); // started in between: all of it
        var groups = ProcessFacts.threadCpuSince(before, after);
        assertEquals(List.of("executor-thread", "agroal-"), List.copyOf(groups.keySet()));
        assertEquals(40.0, groups.get("agroal-"), 1e-9);
        assertEquals(70.0, groups.get("executor-thread"), 1e-9);
    }

    @Test
    void threadCpuOfALiveProcessIsRead() throws Exception {
        var threads = ProcessFacts.threadCpu(ProcessHandle.current().pid());
        // "Reference Handler", cut by Linux to 15 characters
        assertTrue(threads.values().stream().anyMatch(t -> t.name().equals("Reference Handl")), threads.toString());
        assertTrue(threads.values().stream().allMatch(t -> t.ms() >= 0));
    }

    @Test
    void bulkCopiedIntakeTextsAreSealedTheLegacyWayWithTheLocalKeySoAnyRowOpensThem() throws Exception {
        byte[] kek = new byte[32];
        kek[0] = 7;
        String sealed = ListsAtScale.sealV1(kek, "Bench List Client");
        assertTrue(sealed.startsWith("v1:local:"), sealed);
        byte[] in = java.util.Base64.getDecoder().decode(sealed.substring("v1:local:".length()));
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(
                javax.crypto.Cipher.DECRYPT_MODE,
                new javax.crypto.spec.SecretKeySpec(kek, "AES"),
                new javax.crypto.spec.GCMParameterSpec(128, in, 0, 12));
        assertEquals("Bench List Client", new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8));
        assertTrue(!sealed.equals(ListsAtScale.sealV1(kek, "Bench List Client")), "a fresh IV each time");
    }

    @Test
    void procStatStartTimeIsReadAfterACommandNameWithSpacesAndParentheses() {
        String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194304 100 0 0 0 55 7 0 0 20 0 30 0 987654 1000 10";
        assertEquals(987654, ProcessFacts.startTicks(stat));
    }

    @Test
    void theChartIsSvgWithOneLinePerSeriesAndHigherValuesDrawnHigher() throws Exception {
        String svg = SvgChart.render(
                "t",
                "x",
                "y",
                List.of("1", "8", "32"),
                List.of(
                        new SvgChart.Series("low", "#000", false, List.of(1.0, 2.0, 3.0)),
                        new SvgChart.Series("high", "#f00", true, List.of(100.0, 200.0, 300.0))));
        Document doc = DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        NodeList lines = doc.getElementsByTagName("polyline");
        assertEquals(2, lines.getLength());
        double lowY = Double.parseDouble(lines.item(0)
                .getAttributes()
                .getNamedItem("points")
                .getNodeValue()
                .split(" ")[0]
                .split(",")[1]);
        double highY = Double.parseDouble(lines.item(1)
                .getAttributes()
                .getNamedItem("points")
                .getNodeValue()
                .split(" ")[0]
                .split(",")[1]);
        assertTrue(highY < lowY, "SVG y grows downwards: 100 ms must be drawn above 1 ms");
        assertEquals(6, doc.getElementsByTagName("circle").getLength());
    }

    @Test
    void theMachinesBusyShareIsReadFromProcStatAndEachPacedRunBecomesARow() {
        ProcessFacts.MachineTicks before =
                ProcessFacts.machineTicks("cpu  100 0 50 800 50 0 0 0 0 0\ncpu0 50 0 25 400 25 0 0 0 0 0\n");
        ProcessFacts.MachineTicks after =
                ProcessFacts.machineTicks("cpu  250 10 90 900 50 5 5 0 0 0\ncpu0 1 1 1 1 1 0 0 0 0 0\n");
        assertEquals(150, before.busy());
        assertEquals(1000, before.all());
        // 210 busy of 310 ticks between the readings: iowait counts as idle, irq and softirq as busy.
        assertEquals(210.0 / 310, after.busySince(before), 1e-9);

        LoadGenerator.Run paced =
                new LoadGenerator.Run("paced", 8, 20, 8000, 0, 400, 400, new Latencies(8000, 2, 5, 7, 30, 2.5));
        PacedUtilisation.Point point = PacedUtilisation.point(8, 800, 0.5, paced, 0.6774);
        assertEquals(3.5, point.p99OverP50());
        assertEquals(0.677, point.machineBusy());
        String md = PacedUtilisation.markdown(List.of(point));
        assertTrue(md.contains("| 8 | 800 | 50 % (400/s) | 68 % | 2.00 / 7.00 | 3.50 |"), md);
    }
}
