package org.praxis.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * Ceiling (a): pgbench running, in one transaction, the statements intake-service sends today for
 * {@code POST /v1/intakes/{id}/screenings}, in its six round trips as {@code ScreeningRoundTripsTest} counts
 * them (the SQL as the driver logs it there): the intake (with BEGIN), the open assignment, the screening, the
 * instrument's earlier scores (the trajectory), then the idempotency record, audit row and both outbox rows
 * in one pipeline, and the commit. Inserted values are copies of rows the service wrote in the warm-up, as for
 * ceiling (b) ({@link LeastWorkCeiling}); rows go to a tenant of their own, so the API never sees them, and
 * the outbox rows are born sent, so the relay never publishes them (the earlier scores' min/max subqueries name
 * no tenant, as the service's do, so they see these rows; the read then returns one acme row where the service's
 * returns two). That test fails when the number of round trips changes, not when their SQL does: compare this
 * script with the statements it lists on failure when the write path changes.
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

    /** The second outbox row: the trajectory's event, which follows every screening after an intake's first. */
    static final String TRAJECTORY_EVENT = "outbox_event (trajectory)";

    /** The rows whose copies the script inserts, in the order the service sends them, with what picks each. */
    static final Map<String, String> SAMPLES = sampled();

    private static Map<String, String> sampled() {
        Map<String, String> samples = new LinkedHashMap<>();
        samples.put("screening", LeastWorkCeiling.SAMPLES.get("screening"));
        samples.put("idempotency_record", LeastWorkCeiling.SAMPLES.get("idempotency_record"));
        samples.put("audit_event", LeastWorkCeiling.SAMPLES.get("audit_event"));
        samples.put("outbox_event", LeastWorkCeiling.SAMPLES.get("outbox_event"));
        samples.put(
                TRAJECTORY_EVENT, "tenant_id = 'acme' and event_type like '%trajectory.changed%' order by seq desc");
        return samples;
    }

    private DatabaseCeiling() {}

    static Map<String, List<LeastWorkCeiling.Column>> samples(LocalStack stack) throws SQLException {
        Map<String, List<LeastWorkCeiling.Column>> rows = new LinkedHashMap<>();
        try (Connection c = stack.connect("intake");
                Statement s = c.createStatement()) {
            for (Map.Entry<String, String> sample : SAMPLES.entrySet()) {
                rows.put(sample.getKey(), LeastWorkCeiling.row(s, table(sample.getKey()), sample.getValue()));
            }
        }
        return rows;
    }

    private static String table(String sample) {
        return sample.split(" ")[0];
    }

    /** The pgbench script for intakes {@code intakeIds} (of tenant acme, read as the service reads them). */
    static String script(List<UUID> intakeIds, Map<String, List<LeastWorkCeiling.Column>> samples) {
        String intake = LeastWorkCeiling.intake(intakeIds);
        Map<String, String> fresh = LeastWorkCeiling.fresh(intakeIds);
        Map<String, String> inserts = new LinkedHashMap<>();
        samples.forEach(
                (sample, columns) -> inserts.put(sample, LeastWorkCeiling.insert(table(sample), columns, fresh) + ";"));
        // The earlier scores leave out the screening just inserted (the service knows its id; here it is returned).
        String self = ":self::uuid";
        String earlier = "select min(s2_0.scored_at) from screening s2_0 where s2_0.intake_id = " + intake
                + " and s2_0.instrument_code = 'PHQ-9' and s2_0.id <> " + self;
        return String.join(
                "\n",
                "\\set i random(1, " + intakeIds.size() + ")",
                "\\set k random(1, 9000000000000000)",
                "\\startpipeline",
                "BEGIN;",
                "select i1_0.id, i1_0.assigned_at, i1_0.assigned_by, i1_0.assigned_coach, i1_0.client_subject,"
                        + " i1_0.created_at, i1_0.created_by, i1_0.display_name, i1_0.hoped_for_outcomes,"
                        + " i1_0.presenting_concerns, i1_0.sponsor_organisation, i1_0.status, i1_0.tenant_id,"
                        + " i1_0.version from intake i1_0 where i1_0.tenant_id = 'acme' and (i1_0.id = " + intake
                        + ") order by i1_0.id fetch first 1 rows only;",
                "\\endpipeline",
                "select a1_0.id, a1_0.client_subject, a1_0.created_at, a1_0.created_by, a1_0.due_date,"
                        + " a1_0.engagement_id, a1_0.instrument_code, a1_0.intake_id, a1_0.measure_id,"
                        + " a1_0.screening_id, a1_0.status, a1_0.tenant_id from assignment a1_0"
                        + " where a1_0.tenant_id = 'acme' and"
                        + " (a1_0.intake_id = " + intake
                        + " and a1_0.instrument_code = 'PHQ-9' and a1_0.status = 'open')"
                        + " order by a1_0.created_at fetch first 1 rows only;",
                inserts.get("screening").replaceFirst(";$", " returning id as self \\\\gset"),
                "select s1_0.id, s1_0.answers, s1_0.engagement_id, s1_0.instrument_code, s1_0.instrument_version,"
                        + " s1_0.intake_id, s1_0.measure_id, s1_0.percent, s1_0.scored_at, s1_0.scoring_version,"
                        + " s1_0.severity, s1_0.submitted_by, s1_0.tenant_id, s1_0.total from screening s1_0"
                        + " where s1_0.tenant_id = 'acme' and (s1_0.intake_id = " + intake
                        + " and s1_0.instrument_code = 'PHQ-9' and s1_0.id <> " + self + " and (s1_0.scored_at = ("
                        + earlier + ") or s1_0.scored_at = (" + earlier.replace("min(", "max(") + ")))"
                        + " order by s1_0.scored_at, s1_0.id;",
                "\\startpipeline",
                inserts.get("idempotency_record").replaceFirst(";$", " on conflict do nothing;"),
                inserts.get("audit_event"),
                inserts.get("outbox_event"),
                inserts.get(TRAJECTORY_EVENT),
                "\\endpipeline",
                "END;",
                "");
    }

    /**
     * Ceiling (a): {@link #script} against the intake database, at {@code concurrency}, for {@code seconds}; null
     * (not measured) when the service did not write the rows the script copies: the script is today's statements,
     * which an older commit measured as the report's <em>before</em> does not send.
     */
    public static Result run(LocalStack stack, List<UUID> intakeIds, int concurrency, int seconds, Path workDir)
            throws IOException, InterruptedException, SQLException {
        Map<String, List<LeastWorkCeiling.Column>> samples;
        try {
            samples = samples(stack);
        } catch (LeastWorkCeiling.MissingSample e) {
            System.out.println("  ceiling (a) not measured: " + e.getMessage());
            return null;
        }
        return pgbench(
                stack,
                "intake",
                List.of(script(intakeIds, samples)),
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
