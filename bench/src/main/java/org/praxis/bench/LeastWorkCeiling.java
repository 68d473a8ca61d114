package org.praxis.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Ceiling (b), the one the 70 % target compares against: the least work a screening's semantics need,
 * one transaction inserting the screening, its outbox row, its audit row and its idempotency record
 * (with the stored answer), as one statement, so one round trip. Values are copies of rows the service
 * itself wrote in the warm-up (encrypted answers, sealed body and request hash, the real payload): the
 * same sizes and types, in a tenant of its own; the outbox row is born sent, so the relay skips it.
 * Nothing is read first: a service that reads before it writes pays for it against this ceiling.
 */
final class LeastWorkCeiling {

    /** One column of a sampled row: name, PostgreSQL type name, value as text (null for SQL null). */
    record Column(String name, String type, String value) {}

    /** The rows copied, with the condition that picks the newest one of a screening (item 9 at 0). */
    static final Map<String, String> SAMPLES = Map.of(
            "screening", "tenant_id = 'acme' order by scored_at desc",
            "outbox_event", "tenant_id = 'acme' and event_type like '%screening.scored%' order by seq desc",
            "audit_event",
                    "tenant_id = 'acme' and resource_type = 'screening' and action = 'create' order by occurred_at desc",
            "idempotency_record",
                    "tenant_id = 'acme' and scope like '% submit-screening %' and body is not null order by created_at desc");

    private LeastWorkCeiling() {}

    /** Null (not measured) when the service did not write a row to copy ({@link MissingSample}). */
    static DatabaseCeiling.Result run(LocalStack stack, List<UUID> intakeIds, int concurrency, int seconds, Path work)
            throws IOException, InterruptedException, SQLException {
        String script;
        try {
            script = script(intakeIds, samples(stack));
        } catch (MissingSample e) {
            System.out.println("  ceiling (b) not measured: " + e.getMessage());
            return null;
        }
        return DatabaseCeiling.pgbench(
                stack, "intake", List.of(script), concurrency, seconds, work.resolve("least-work-c" + concurrency));
    }

    static Map<String, List<Column>> samples(LocalStack stack) throws SQLException {
        Map<String, List<Column>> rows = new LinkedHashMap<>();
        try (Connection c = stack.connect("intake");
                Statement s = c.createStatement()) {
            for (String table : List.of("idempotency_record", "screening", "audit_event", "outbox_event")) {
                rows.put(table, row(s, table, SAMPLES.get(table)));
            }
        }
        return rows;
    }

    /**
     * No row to copy: the service measured does not write it (an older commit, measured as the report's
     * <em>before</em>, whose events or tables differ from today's).
     */
    static final class MissingSample extends IllegalStateException {
        MissingSample(String message) {
            super(message);
        }
    }

    /** The first row of {@code table} that {@code condition} (a where clause with its order) picks. */
    static List<Column> row(Statement s, String table, String condition) throws SQLException {
        try (ResultSet r = s.executeQuery("select * from " + table + " where " + condition + " limit 1")) {
            if (!r.next()) {
                throw new MissingSample("no " + table + " row where " + condition + " to copy");
            }
            ResultSetMetaData m = r.getMetaData();
            List<Column> columns = new ArrayList<>();
            for (int i = 1; i <= m.getColumnCount(); i++) {
                columns.add(new Column(m.getColumnName(i), m.getColumnTypeName(i), r.getString(i)));
            }
            return columns;
        }
    }

    /** The intake a transaction writes for: one of {@code intakeIds}, picked by pgbench's variable {@code i}. */
    static String intake(List<UUID> intakeIds) {
        return intakeIds.stream().map(UUID::toString).collect(Collectors.joining(",", "('{", "}'::uuid[])[:i::int]"));
    }

    /** The values each copied row gets afresh: this ceiling's tenant, a new idempotency key, the picked intake. */
    static Map<String, String> fresh(List<UUID> intakeIds) {
        return Map.of(
                "tenant_id",
                "'" + DatabaseCeiling.TENANT + "'",
                "idempotency_key",
                ":k::text",
                "intake_id",
                intake(intakeIds));
    }

    /** The pgbench script: one statement whose data-modifying CTEs insert every row. */
    static String script(List<UUID> intakeIds, Map<String, List<Column>> samples) {
        Map<String, String> fresh = fresh(intakeIds);
        List<String> inserts = new ArrayList<>();
        samples.forEach((table, columns) -> inserts.add(insert(table, columns, fresh)));
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < inserts.size() - 1; i++) {
            sql.append(i == 0 ? "with " : ", ")
                    .append("w")
                    .append(i)
                    .append(" as (")
                    .append(inserts.get(i))
                    .append(")\n");
        }
        sql.append(inserts.get(inserts.size() - 1)).append(";\n");
        return "\\set i random(1, " + intakeIds.size() + ")\n\\set k random(1, 9000000000000000)\n" + sql;
    }

    /** An insert of a copied row: new ids and timestamps, this ceiling's tenant, the copied values otherwise. */
    static String insert(String table, List<Column> columns, Map<String, String> fresh) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (Column c : columns) {
            if (c.name().equals("seq")) {
                continue; // the outbox's send order comes from its sequence, as for the service
            }
            names.add(c.name());
            if (fresh.containsKey(c.name())) {
                values.add(fresh.get(c.name()));
            } else if (c.name().equals("id") && c.type().equals("uuid")) {
                values.add("gen_random_uuid()");
            } else if (c.name().equals("sent_at") || (c.type().startsWith("timestamp") && c.value() != null)) {
                values.add("now()");
            } else {
                values.add(literal(c.value()));
            }
        }
        return "insert into " + table + " (" + String.join(", ", names) + ") values (" + String.join(", ", values)
                + ")";
    }

    /**
     * A text literal pgbench passes through untouched: pgbench reads {@code :name} as a variable even inside
     * quotes, so a colon is written as the escape {@code \x3a} of an E'' string (PostgreSQL reads it back).
     */
    static String literal(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder("E'");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '\\' -> s.append("\\\\");
                case '\'' -> s.append("\\'");
                case ':' -> s.append("\\x3a");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                default -> s.append(ch);
            }
        }
        return s.append('\'').toString();
    }
}
