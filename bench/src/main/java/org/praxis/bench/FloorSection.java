package org.praxis.bench;

import static org.praxis.bench.Report.f;
import static org.praxis.bench.Report.pct;

import java.util.stream.Collectors;

/** The report's section on benchmark 6 ({@link QuarkusFloor}), and its figures beside the targets. */
final class FloorSection {
    private FloorSection() {}

    static void markdown(StringBuilder md, Results r) {
        QuarkusFloor.Result floor = r.floor();
        if (floor == null) {
            return; // a run from before benchmark 6
        }
        md.append("## 6. The floor: Quarkus with the services' extensions and none of their code\n\n");
        md.append("Two applications in `bench/floor`, run as the services are (the same java, `")
                .append(r.settings().serviceJavaOptions())
                .append("`, an AOT cache trained the same way; the stack's PostgreSQL and Keycloak). **bare**: "
                        + "quarkus-rest-jackson and one `GET` answering a small JSON object. **stack**: the extensions "
                        + "of `platform` (Hibernate ORM with Panache, PostgreSQL, Flyway, OIDC, Kafka's client, OpenAPI, "
                        + "health, Micrometer, Hibernate Validator) and one `POST` that checks a bearer token against "
                        + "the realm's keys, validates its body and inserts one row in one transaction. No Kafka "
                        + "connection, outbox, audit, idempotency, encryption or rule. What *stack* needs, every "
                        + "service built the same way (these extensions, these JVM options, this machine) needs before "
                        + "a line of Praxis runs.\n\n");
        md.append("| application | start → ready, s (each run) | median | RSS after start | AOT cache |\n"
                + "|---|---|---|---|---|\n");
        for (QuarkusFloor.Start s : floor.starts()) {
            md.append("| ")
                    .append(s.app())
                    .append(" | ")
                    .append(s.secondsToReady().stream().map(Report::f).collect(Collectors.joining(", ")))
                    .append(" | **")
                    .append(f(s.medianSeconds()))
                    .append("** | ")
                    .append(f(s.idleRssMiB()))
                    .append(" MiB | ")
                    .append(s.aotCache() ? "yes" : "no")
                    .append(" |\n");
        }
        md.append("\n*stack*'s `POST`, closed runs of ")
                .append(r.settings().levelSeconds())
                .append(" s after a warm-up at 8 connections of ")
                .append(CompilerNotes.warmUp(floor.warmUp(), "its"))
                .append(
                        ", each once the machine was back near its idle busy share. Its process's CPU per request; beside it, "
                                + "benchmark 1's screenings at the same concurrency and its ceiling (b), measured minutes later "
                                + "(it has moved by up to half between runs). Latencies in ms.\n\n");
        md.append("| concurrency | floor req/s | p50 / p99 | floor CPU per request | share of ceiling (b) "
                + "| screenings/s | intake CPU per screening |\n|---|---|---|---|---|---|---|\n");
        for (QuarkusFloor.Load l : floor.loads()) {
            ScreeningThroughput.Level level = Targets.level(r, l.concurrency());
            Double share = shareOfLeastWork(r, l.concurrency());
            md.append("| ")
                    .append(l.concurrency())
                    .append(" | **")
                    .append(f(l.throughput()))
                    .append("**")
                    .append(l.failed() > 0 ? " (" + l.failed() + " failed)" : "")
                    .append(" | ")
                    .append(f(l.latency().p50()))
                    .append(" / ")
                    .append(f(l.latency().p99()))
                    .append(" | ")
                    .append(f(l.cpuMsPerRequest()))
                    .append(" ms | ")
                    .append(share == null ? "not measured" : pct(share))
                    .append(" | ")
                    .append(level == null ? "-" : f(level.closed().throughput()))
                    .append(" | ")
                    .append(level == null ? "-" : f(level.cpuMsPerRequest().getOrDefault("intake", 0.0)) + " ms")
                    .append(" |\n");
        }
        md.append("\n*stack*'s RSS after these runs: **")
                .append(f(floor.rssAfterLoadMiB()))
                .append(" MiB**.\n\n");
    }

    /** The floor's POST throughput against benchmark 1's ceiling (b) at the same concurrency. */
    static Double shareOfLeastWork(Results r, int concurrency) {
        QuarkusFloor.Load load = r.floor() == null ? null : r.floor().at(concurrency);
        ScreeningThroughput.Level level = Targets.level(r, concurrency);
        if (load == null
                || level == null
                || level.leastWork() == null
                || level.leastWork().tps() <= 0) {
            return null;
        }
        return load.throughput() / level.leastWork().tps();
    }

    static Double cpuMsPerRequest(Results r, int concurrency) {
        QuarkusFloor.Load load = r.floor() == null ? null : r.floor().at(concurrency);
        return load == null ? null : load.cpuMsPerRequest();
    }

    static Double medianStart(Results r) {
        QuarkusFloor.Start start = r.floor() == null ? null : r.floor().start("stack");
        return start == null ? null : start.medianSeconds();
    }

    static Double rssAfterLoad(Results r) {
        return r.floor() == null ? null : r.floor().rssAfterLoadMiB();
    }
}
