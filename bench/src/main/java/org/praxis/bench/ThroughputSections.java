package org.praxis.bench;

import static org.praxis.bench.Report.f;
import static org.praxis.bench.Report.pct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The report's load sections: benchmark 1 (screening POST, its two ceilings) and 5 (reads), with CPU tables. */
final class ThroughputSections {
    static final String DRIVER = "load driver";

    private ThroughputSections() {}

    private static String idle(Results r) {
        double idle = r.screening().idleMachineBusy();
        return idle > 0 ? "here " + pct(idle) : "not measured in this run";
    }

    static void screening(StringBuilder md, Results r) {
        md.append("## 1. Screening intake: `POST /v1/intakes/{id}/screenings`\n\n");
        md.append("PHQ-9 with item 9 at 0, a supervisor's Keycloak token, a new `Idempotency-Key` each, spread over ")
                .append(r.screening().intakes())
                .append(" intakes. *Closed*: each connection sends when its last answer came (throughput, service "
                        + "time). *Paced*: constant rate, latency from when each request was due (coordinated omission "
                        + "handled); the target is paced p99 ≤ 3 × p50. Latencies in ms. Before each paced run the "
                        + "driver waits until the machine is quiet (within "
                        + Math.round(ScreeningThroughput.QUIET_MARGIN * 100)
                        + " points of its busy share with the stack idle, "
                        + idle(r) + "), so the paced run "
                        + "does not also measure the consumers working through the closed run's events; *drained* is "
                        + "how long that took.\n\n");
        md.append(
                "| concurrency | service req/s (closed) | closed p50 / p95 / p99 | paced rate | paced p50 / p95 / p99 / max "
                        + "| paced p99 ÷ p50 | errors | drained |\n|---|---|---|---|---|---|---|---|\n");
        for (ScreeningThroughput.Level l : r.screening().levels()) {
            Latencies p = l.paced().latency();
            md.append("| ")
                    .append(l.concurrency())
                    .append(" | **")
                    .append(f(l.closed().throughput()))
                    .append("** | ");
            md.append(three(l.closed().latency()))
                    .append(" | ")
                    .append(f(l.paced().targetRate()))
                    .append("/s | ");
            md.append(three(p)).append(" / ").append(f(p.max())).append(" | **");
            md.append(p.p50() > 0 ? f(p.p99() / p.p50()) : "-").append("** | ");
            md.append(l.closed().failed() + l.paced().failed()).append(" | ");
            md.append(l.drainSeconds() > 0 ? f(l.drainSeconds()) + " s" : "not measured")
                    .append(" |\n");
        }
        md.append("\nThe ceilings: pgbench (`-M prepared`) at the same concurrency, rows in a tenant of their own. "
                + "**(a)** the statements the service sends for a screening, in its round trips and one transaction "
                + "(`DatabaseCeiling` lists them; `ScreeningRoundTripsTest` counts the service's and logs them): the "
                + "intake, the open assignment, the screening, its earlier scores, then the idempotency record, audit "
                + "row and outbox rows in one pipeline, and the commit (six round trips; a run before 2026-12-02 ran "
                + "the ten the service sent when this work began). "
                + "**(b)** the least work the semantics need, which the 70 % target compares against: one statement "
                + "(one round trip, one transaction) inserting the screening, its outbox row, its audit row and its "
                + "idempotency record with the stored answer, values copied from rows the service wrote "
                + "(`LeastWorkCeiling`).\n\n");
        md.append("| concurrency | service req/s | (a) tps | (a) p50 / p99 | service / (a) | (b) tps | (b) p50 / p99 "
                + "| service / (b) |\n|---|---|---|---|---|---|---|---|\n");
        for (ScreeningThroughput.Level l : r.screening().levels()) {
            md.append("| ")
                    .append(l.concurrency())
                    .append(" | ")
                    .append(f(l.closed().throughput()))
                    .append(" | ");
            md.append(ceiling(l.ceiling()))
                    .append(" | ")
                    .append(l.ceiling() == null ? "-" : pct(l.ratioToCeiling()))
                    .append(" | ");
            md.append(ceiling(l.leastWork())).append(" | **");
            md.append(l.leastWork() == null ? "not measured" : pct(l.ratioToLeastWork()))
                    .append("** |\n");
        }
        md.append("\n![latency against concurrency](").append(Report.CHART).append(")\n\n");
        List<String> labels = new ArrayList<>();
        List<Map<String, Double>> cpu = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        for (ScreeningThroughput.Level l : r.screening().levels()) {
            labels.add(l.concurrency() + " closed");
            cpu.add(l.cpuMsPerRequest());
            rates.add(l.closed().throughput());
            if (l.pacedCpuMsPerRequest() != null) {
                labels.add(l.concurrency() + " paced");
                cpu.add(l.pacedCpuMsPerRequest());
                rates.add(l.paced().throughput());
            }
        }
        cpuTable(
                md, "CPU used per request during the closed and paced runs", "concurrency, run", labels, cpu, rates, r);
        CompilerNotes.screeningLevels(md, r);
        if (r.intakeProfile() != null && !r.intakeProfile().isEmpty()) {
            ProfileSection.profile(md, r);
        }
    }

    static void reads(StringBuilder md, Results r) {
        md.append("## 5. Reads a mobile app causes (session-service)\n\n");
        ReadThroughput.Result reads = r.reads();
        if (reads == null) {
            md.append("Not measured by this run.\n\n");
            return;
        }
        md.append("Each request one of, at random: the client's `GET /v1/me/actions?limit=20`, "
                        + "`GET /v1/engagements/{id}` with `If-None-Match` of its ETag (304), the client's "
                        + "`GET /v1/me/engagements?limit=20`, the coach's `GET /v1/engagements?limit=20`; over ")
                .append(reads.engagements())
                .append(" engagements made through the API (accepted contract, three actions each). Ceiling: "
                        + "pgbench running the select each answer needs, one of the four at random "
                        + "(`ReadThroughput.scripts`). Latencies in ms.\n\n");
        md.append(
                "| concurrency | req/s (closed) | closed p50 / p95 / p99 | paced rate | paced p50 / p95 / p99 / max "
                        + "| errors | pgbench tps | pgbench p50 / p99 | service / ceiling |\n|---|---|---|---|---|---|---|---|---|\n");
        Latencies p = reads.paced().latency();
        md.append("| ")
                .append(reads.closed().concurrency())
                .append(" | **")
                .append(f(reads.closed().throughput()));
        md.append("** | ").append(three(reads.closed().latency())).append(" | ");
        md.append(f(reads.paced().targetRate()))
                .append("/s | ")
                .append(three(p))
                .append(" / ")
                .append(f(p.max()));
        md.append(" | ")
                .append(reads.closed().failed() + reads.paced().failed())
                .append(" | ");
        md.append(ceiling(reads.ceiling()))
                .append(" | **")
                .append(pct(reads.ratioToCeiling()))
                .append("** |\n\n");
        if (reads.pacedAutovacuum() != null) {
            AutovacuumLog.Summary vacuum = reads.pacedAutovacuum();
            md.append("Before the warm-up, and again before the paced run, the driver waited until the machine was "
                            + "quiet (as in benchmark 1; before the warm-up that took ")
                    .append(f(reads.drainSeconds()))
                    .append(" s). During the paced run the machine was ")
                    .append(pct(reads.pacedMachineBusy()))
                    .append(" busy, and PostgreSQL logged ")
                    .append(
                            vacuum.runs() == 0
                                    ? "no autovacuum run finishing within it (it logs each run as it ends)"
                                    : vacuum.runs() + " autovacuum runs finishing within it, " + f(vacuum.cpuSeconds())
                                            + " s of CPU (" + String.join(", ", vacuum.tables()) + ")")
                    .append(".\n\n");
        }
        CompilerNotes.reads(md, reads);
        md.append("By kind, closed run (service time): ");
        List<String> kinds = new ArrayList<>();
        reads.closedByKind()
                .forEach((k, l) -> kinds.add("`" + k + "` p50 " + f(l.p50()) + " / p99 " + f(l.p99()) + " ms"));
        md.append(String.join("; ", kinds)).append(".\n\n");
        List<String> readLabels = new ArrayList<>(List.of(reads.closed().concurrency() + " closed"));
        List<Map<String, Double>> readCpu = new ArrayList<>(List.of(reads.cpuMsPerRequest()));
        List<Double> readRates = new ArrayList<>(List.of(reads.closed().throughput()));
        if (reads.pacedCpuMsPerRequest() != null) {
            readLabels.add(reads.paced().concurrency() + " paced");
            readCpu.add(reads.pacedCpuMsPerRequest());
            readRates.add(reads.paced().throughput());
        }
        cpuTable(
                md,
                "CPU used per read during the closed and paced runs",
                "concurrency, run",
                readLabels,
                readCpu,
                readRates,
                r);
    }

    /**
     * CPU per request by process, and the load driver's share: of all CPU the processes used, and of the
     * machine (its CPU per request times the throughput, over the cores' 1,000 ms a second each).
     */
    static void cpuTable(
            StringBuilder md,
            String title,
            String rowName,
            List<String> labels,
            List<Map<String, Double>> cpu,
            List<Double> throughput,
            Results r) {
        md.append(title)
                .append(", in ms, by each process on the machine (from /proc; PostgreSQL counts every backend). ")
                .append(r.machine().cores())
                .append(" cores give ")
                .append(r.machine().cores() * 1000)
                .append(" ms of CPU a second: the sum bounds the throughput. The load driver's share is of the CPU "
                        + "all processes used, and of the whole machine.\n\n");
        List<String> parts = cpu.get(0).keySet().stream().toList();
        md.append("| ").append(rowName).append(" | ").append(String.join(" | ", parts));
        md.append(" | sum | load driver share: of CPU used / of the machine |\n|---|");
        md.append("---|".repeat(parts.size() + 2)).append('\n');
        for (int i = 0; i < labels.size(); i++) {
            md.append("| ").append(labels.get(i));
            double sum = 0;
            for (String part : parts) {
                double v = cpu.get(i).getOrDefault(part, 0.0);
                sum += v;
                md.append(" | ").append(f(v));
            }
            double driver = cpu.get(i).getOrDefault(DRIVER, 0.0);
            double ofMachine = driver
                    * throughput.get(i)
                    / (1000.0 * Math.max(1, r.machine().cores()));
            md.append(" | ").append(f(sum)).append(" | ");
            md.append(sum > 0 ? pct(driver / sum) : "-")
                    .append(" / ")
                    .append(pct(ofMachine))
                    .append(" |\n");
        }
        md.append('\n');
    }

    private static String three(Latencies l) {
        return f(l.p50()) + " / " + f(l.p95()) + " / " + f(l.p99());
    }

    private static String ceiling(DatabaseCeiling.Result c) {
        return c == null
                ? "not measured | -"
                : f(c.tps()) + " | " + f(c.latency().p50()) + " / "
                        + f(c.latency().p99());
    }
}
