package org.praxis.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The database's own ceiling for a screening: pgbench running, in one transaction, the statements
 * intake-service sent for {@code POST /v1/intakes/{id}/screenings} when issue 19's work began, read off
 * PostgreSQL's statement log (idempotency record, the intake, the tenant's triage policy, the screening row,
 * its audit row, its outbox row, the open assignment, the stored response: ten round trips with the
 * transaction's ends), with values of the same size. Kept as they were, so that the before and after runs
 * compare against one ceiling; the service now sends six ({@code ScreeningRoundTripsTest} counts them), for
 * which this ceiling has not been re-derived. Rows go to a tenant of their own, so the API never sees them,
 * and the outbox rows are born sent, so the relay never publishes them.
 */
public final class DatabaseCeiling {
    static final String TENANT = "bench-ceiling";

    public record Result(
            int concurrency,
            double seconds,
            long transactions,
            long failed,
            double tps,
            Latencies latency,
            String mode) {}

    private DatabaseCeiling() {}

    /** The pgbench script for intakes {@code intakeIds} (of tenant acme, read as the service reads them). */
    static String script(List<UUID> intakeIds) {
        String ids = intakeIds.stream().map(UUID::toString).collect(Collectors.joining(",", "'{", "}'::uuid[]"));
        // As long as an encrypted PHQ-9 answer set (121 characters); no ":name", which pgbench reads as a variable.
        String answers = "v1-local-" + "A".repeat(112);
        String payload =
                "{\"screeningId\":\"00000000-0000-0000-0000-000000000000\",\"intakeId\":\"00000000-0000-0000-0000-000000000000\","
                        + "\"clientSubject\":\"bench-client\",\"instrument\":\"PHQ-9\",\"instrumentVersion\":1,"
                        + "\"scoringVersion\":\"PHQ-9/sum/1\",\"total\":10,\"severity\":\"moderate\"}";
        String body =
                "{\"id\":\"00000000-0000-0000-0000-000000000000\",\"intakeId\":\"00000000-0000-0000-0000-000000000000\","
                        + "\"instrument\":\"PHQ-9\",\"instrumentVersion\":1,\"scoringVersion\":\"PHQ-9/sum/1\",\"total\":10,"
                        + "\"severity\":\"moderate\",\"percent\":null,\"riskFlags\":[],\"scoredAt\":\"2026-01-01T00:00:00Z\"}";
        // JSON with a space after each colon: pgbench would read ":null" as a variable.
        payload = payload.replace("\":", "\": ");
        body = body.replace("\":", "\": ");
        return String.join(
                "\n",
                "\\set i random(1, " + intakeIds.size() + ")",
                "\\set k random(1, 9000000000000000)",
                "BEGIN;",
                "insert into idempotency_record (tenant_id, scope, idempotency_key, request_hash) values ('" + TENANT
                        + "', 'bench submit-screening', :k::text, md5(:k::text)) on conflict do nothing;",
                "select i.id as intake_id, i.assigned_coach, i.client_subject, i.created_at, i.created_by, i.display_name,"
                        + " i.hoped_for_outcomes, i.presenting_concerns, i.sponsor_organisation, i.status, i.tenant_id, i.version"
                        + " from intake i where i.tenant_id = 'acme' and i.id = (" + ids
                        + ")[:i::int] order by i.id fetch first 1 rows only \\gset",
                "select t.tenant_id, t.gad7_integrated, t.gad7_monitoring, t.gad7_therapy, t.phq9_integrated, t.phq9_monitoring,"
                        + " t.phq9_therapy, t.screen_positive_threshold, t.updated_at, t.updated_by, t.version, t.wsas_monitoring"
                        + " from triage_policy t where t.tenant_id = 'acme';",
                "insert into screening (answers, instrument_code, instrument_version, intake_id, percent, scored_at, scoring_version,"
                        + " severity, submitted_by, tenant_id, total, id) values ('" + answers
                        + "', 'PHQ-9', 1, :intake_id::uuid, null, now(),"
                        + " 'PHQ-9/sum/1', 'moderate', 'bench', '" + TENANT + "', 10, gen_random_uuid());",
                "insert into audit_event (id, tenant_id, actor, action, resource_type, resource_id, reason, occurred_at)"
                        + " values (gen_random_uuid(), '" + TENANT
                        + "', 'bench', 'create', 'screening', :intake_id::text, null, now());",
                "insert into outbox_event (id, tenant_id, topic, aggregate_id, event_type, payload, occurred_at, sent_at)"
                        + " values (gen_random_uuid(), '" + TENANT + "', 'intake.events', :intake_id::text,"
                        + " 'org.praxis.intake.screening.scored.v1', '" + payload + "'::jsonb, now(), now());",
                "select a.id, a.client_subject, a.created_at, a.created_by, a.due_date, a.instrument_code, a.intake_id,"
                        + " a.screening_id, a.status, a.tenant_id from assignment a where a.tenant_id = 'acme' and"
                        + " (a.intake_id = :intake_id::uuid and a.instrument_code = 'PHQ-9' and a.status = 'open')"
                        + " order by a.created_at fetch first 1 rows only;",
                "update idempotency_record set status = 201, location = 'http://127.0.0.1/v1/intakes/x/screenings/y', body = '"
                        + body + "' where tenant_id = '" + TENANT
                        + "' and scope = 'bench submit-screening' and idempotency_key = :k::text;",
                "END;",
                "");
    }

    /** Ceiling (a): {@link #script} against the intake database, at {@code concurrency}, for {@code seconds}. */
    public static Result run(LocalStack stack, List<UUID> intakeIds, int concurrency, int seconds, Path workDir)
            throws IOException, InterruptedException {
        return pgbench(
                stack,
                "intake",
                List.of(script(intakeIds)),
                concurrency,
                seconds,
                workDir.resolve("pgbench-c" + concurrency));
    }

    /**
     * pgbench against {@code database} as its owner (the user the service connects as), {@code -M prepared};
     * with several scripts, each transaction runs one of them, chosen at random with equal weight.
     */
    static Result pgbench(
            LocalStack stack, String database, List<String> scripts, int concurrency, int seconds, Path dir)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        List<String> command = new ArrayList<>(List.of(
                stack.postgresBin().resolve("pgbench").toString(),
                "-h",
                "127.0.0.1",
                "-p",
                String.valueOf(stack.port("postgres")),
                "-U",
                database,
                "-n",
                "-M",
                "prepared",
                "-c",
                String.valueOf(concurrency),
                "-j",
                String.valueOf(Math.min(concurrency, 2)),
                "-T",
                String.valueOf(seconds)));
        for (int i = 0; i < scripts.size(); i++) {
            Path script = dir.resolve("script-" + i + ".sql");
            Files.writeString(script, scripts.get(i));
            command.addAll(List.of("-f", script.toString()));
        }
        command.addAll(List.of("--log", "--log-prefix=" + dir.resolve("txn"), database));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", database);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + out);
        }
        Files.writeString(dir.resolve("pgbench.out"), out);
        Histogram h = Latencies.histogram();
        try (Stream<Path> logs = Files.list(dir)) {
            for (Path log : logs.filter(f -> f.getFileName().toString().startsWith("txn"))
                    .toList()) {
                try (Stream<String> lines = Files.lines(log)) {
                    lines.forEach(line -> recordLogLine(h, line));
                }
            }
        }
        return new Result(
                concurrency,
                seconds,
                number(out, "number of transactions actually processed: (\\d+)"),
                numberOr(out, "number of failed transactions: (\\d+)", 0),
                Latencies.round(decimal(out, "tps = ([0-9.]+)")),
                Latencies.of(h),
                "prepared");
    }

    /** A line of pgbench's per-transaction log: client, transaction, latency in µs, script, epoch, µs. */
    static void recordLogLine(Histogram h, String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length >= 3 && !f[2].equals("failed") && !f[2].equals("skipped")) {
            h.recordValue(Math.max(1, Long.parseLong(f[2])));
        }
    }

    static long number(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench output has no '" + regex + "':\n" + out);
        }
        return Long.parseLong(m.group(1));
    }

    static long numberOr(String out, String regex, long fallback) {
        Matcher m = Pattern.compile(regex).matcher(out);
        return m.find() ? Long.parseLong(m.group(1)) : fallback;
    }

    static double decimal(String out, String regex) {
        Matcher m = Pattern.compile(regex).matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("pgbench output has no '" + regex + "':\n" + out);
        }
        return Double.parseDouble(m.group(1));
    }
}
