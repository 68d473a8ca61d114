package org.praxis.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a risk flag's time goes (bench/run --risk), stage by stage, from the times the services' own tables keep:
 * intake's outbox row ({@code sent_at}: the relay marked it sent after the broker's acknowledgement),
 * referral-service's inbox row ({@code received_at}: the start of the transaction that applied the event) and the
 * draft ({@code created_at}), set beside the driver's own clock. The slowest flags are set beside what else
 * happened in their window: the services' GC pauses and safepoints of 5 ms or more (their {@code -Xlog:gc,safepoint}
 * files) and what PostgreSQL logged
 * (statements over 10 ms, checkpoints, autovacuum). One machine, one clock, so the times compare; a stage can be
 * slightly negative where two overlap (the consumer may start before the relay has marked the row sent).
 */
final class RiskStages {
    /** Wall-clock microseconds: posted and answered by the driver, seen by its poller (null: never seen). */
    record Flag(UUID intake, long posted, long answered, Long seen) {}

    /** One flag's times as the databases kept them, in wall-clock microseconds. */
    record Trace(long sent, long received, long created) {}

    /** Something that took the time in a window: a GC pause, a slow statement, a checkpoint, an autovacuum. */
    record Event(String source, long start, long end, String what) {
        boolean overlaps(long from, long to) {
            return start <= to && end >= from;
        }

        String describe(long flagPosted) {
            return source + " at +" + ms(start - flagPosted) + " ms for " + ms(end - start) + " ms: " + what;
        }
    }

    record Stage(String name, double p50, double p90, double p99, double max) {}

    /** {@code order}: the flag's place in the run (1 = the first posted); {@code postedAtSecond}: after the first. */
    record Slow(
            UUID intake,
            int order,
            double postedAtSecond,
            double totalMs,
            Map<String, Double> stagesMs,
            List<String> during) {}

    record Result(
            String date,
            int flags,
            int traced,
            List<Stage> stages,
            List<Slow> slowest,
            int gcPauses,
            double gcPauseMaxMs,
            int postgresEvents) {}

    static final List<String> STAGES = List.of(
            "screening POST (posted → answered)",
            "to the broker (answered → outbox row marked sent)",
            "to referral's consumer (marked sent → inbox transaction)",
            "referral's transaction (inbox → draft created)",
            "commit and poll (created → seen)");

    private RiskStages() {}

    /** Each stage in ms, in {@link #STAGES}' order, and the total last. */
    static double[] stages(Flag f, Trace t) {
        return new double[] {
            ms(f.answered() - f.posted()),
            ms(t.sent() - f.answered()),
            ms(t.received() - t.sent()),
            ms(t.created() - t.received()),
            ms(f.seen() - t.created()),
            ms(f.seen() - f.posted())
        };
    }

    static Result analyse(List<Flag> flags, Map<UUID, Trace> traces, List<Event> events, int slowest) {
        List<double[]> rows = new ArrayList<>();
        List<Flag> traced = new ArrayList<>();
        long first = flags.isEmpty() ? 0 : flags.get(0).posted();
        for (Flag f : flags) {
            Trace t = traces.get(f.intake());
            if (f.seen() != null && t != null) {
                rows.add(stages(f, t));
                traced.add(f);
            }
        }
        List<Stage> stages = new ArrayList<>();
        for (int i = 0; i <= STAGES.size(); i++) {
            int col = i;
            double[] values = rows.stream().mapToDouble(r -> r[col]).sorted().toArray();
            stages.add(new Stage(
                    i < STAGES.size() ? STAGES.get(i) : "total (posted → seen)",
                    percentile(values, 50),
                    percentile(values, 90),
                    percentile(values, 99),
                    values.length == 0 ? 0 : values[values.length - 1]));
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> rows.get(i)[STAGES.size()])
                .reversed());
        List<Slow> slow = new ArrayList<>();
        for (int i : order.subList(0, Math.min(slowest, order.size()))) {
            Flag f = traced.get(i);
            Map<String, Double> byStage = new LinkedHashMap<>();
            for (int s = 0; s < STAGES.size(); s++) {
                byStage.put(STAGES.get(s), rows.get(i)[s]);
            }
            List<String> during = events.stream()
                    .filter(e -> e.overlaps(f.posted(), f.seen()))
                    .map(e -> e.describe(f.posted()))
                    .toList();
            slow.add(new Slow(
                    f.intake(),
                    flags.indexOf(f) + 1,
                    Latencies.round((f.posted() - first) / 1e6),
                    rows.get(i)[STAGES.size()],
                    byStage,
                    during));
        }
        // Counted over the run only: the logs also hold each service's start.
        long last = traced.stream().mapToLong(Flag::seen).max().orElse(first);
        List<Event> inRun = events.stream().filter(e -> e.overlaps(first, last)).toList();
        List<Event> gc = inRun.stream().filter(e -> e.source().startsWith("GC")).toList();
        return new Result(
                LocalDate.now().toString(),
                flags.size(),
                rows.size(),
                stages,
                slow,
                gc.size(),
                gc.stream().mapToDouble(e -> ms(e.end() - e.start())).max().orElse(0),
                (int) inRun.stream()
                        .filter(e -> e.source().equals("PostgreSQL"))
                        .count());
    }

    /** The databases' times of each flag's event, by intake. */
    static Map<UUID, Trace> traces(LocalStack stack) throws SQLException {
        Map<UUID, Long> sent = new HashMap<>();
        Map<String, UUID> intakeOfEvent = new HashMap<>();
        try (Connection intake = stack.connect("intake");
                PreparedStatement s = intake.prepareStatement("select id::text, payload->>'intakeId',"
                        + " (extract(epoch from sent_at) * 1000000)::bigint from outbox_event"
                        + " where event_type like '%risk-flag.raised%' and sent_at is not null");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                UUID intakeId = UUID.fromString(r.getString(2));
                intakeOfEvent.put(r.getString(1), intakeId);
                sent.put(intakeId, r.getLong(3));
            }
        }
        Map<UUID, Long> received = new HashMap<>();
        Map<UUID, Long> created = new HashMap<>();
        try (Connection referral = stack.connect("referral")) {
            try (PreparedStatement s = referral.prepareStatement(
                            "select event_id, (extract(epoch from received_at) * 1000000)::bigint from inbox_event");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    UUID intakeId = intakeOfEvent.get(r.getString(1));
                    if (intakeId != null) {
                        received.put(intakeId, r.getLong(2));
                    }
                }
            }
            try (PreparedStatement s = referral.prepareStatement("select intake_id,"
                            + " (extract(epoch from created_at) * 1000000)::bigint from referral"
                            + " where origin = 'risk-flag'");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    created.put(r.getObject(1, UUID.class), r.getLong(2));
                }
            }
        }
        Map<UUID, Trace> traces = new HashMap<>();
        sent.forEach((intakeId, at) -> {
            if (received.containsKey(intakeId) && created.containsKey(intakeId)) {
                traces.put(intakeId, new Trace(at, received.get(intakeId), created.get(intakeId)));
            }
        });
        return traces;
    }

    // -Xlog:gc with the time decoration: "[2026-12-04T22:40:01.123+0000] GC(3) Pause Young (...) 20M->5M(30M) 3.456ms",
    // written as the pause ends.
    private static final Pattern GC_PAUSE =
            Pattern.compile("^\\[(\\S+)\\] GC\\(\\d+\\) (Pause .*?) (\\d+(?:\\.\\d+)?)ms$");
    private static final DateTimeFormatter GC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    static List<Event> gcPauses(String service, String log) {
        List<Event> pauses = new ArrayList<>();
        for (String line : log.split("\n")) {
            Matcher m = GC_PAUSE.matcher(line.strip());
            if (m.matches()) {
                long end = micros(OffsetDateTime.parse(m.group(1), GC_TIME).toInstant());
                long length = Math.round(Double.parseDouble(m.group(3)) * 1000);
                pauses.add(new Event("GC " + service, end - length, end, m.group(2)));
            }
        }
        return pauses;
    }

    // -Xlog:safepoint with the time decoration (JDK 25):
    // "[...] Safepoint "Cleanup", Time since last: ... Total: 2400 ns, Threads: 0 runnable, 10 total".
    private static final Pattern SAFEPOINT =
            Pattern.compile("^\\[(\\S+)\\] Safepoint \"(\\w+)\", .*Total: (\\d+) ns.*$");

    /** Safepoints (every stop of the JVM's threads, a GC's among them) that took at least {@code minMs}. */
    static List<Event> safepoints(String service, String log, double minMs) {
        List<Event> stops = new ArrayList<>();
        for (String line : log.split("\n")) {
            Matcher m = SAFEPOINT.matcher(line.strip());
            if (m.matches() && Long.parseLong(m.group(3)) >= minMs * 1_000_000) {
                long end = micros(OffsetDateTime.parse(m.group(1), GC_TIME).toInstant());
                stops.add(new Event("safepoint " + service, end - Long.parseLong(m.group(3)) / 1000, end, m.group(2)));
            }
        }
        return stops;
    }

    // PostgreSQL's default log_line_prefix, "%m [%p] ": "2026-12-04 22:40:01.123 UTC [1234] LOG:  ...".
    private static final Pattern PG_LINE =
            Pattern.compile("^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\S+) \\[\\d+\\] LOG:  (.*)$");
    private static final Pattern PG_DURATION = Pattern.compile("^duration: (\\d+(?:\\.\\d+)?) ms  (.*)$");
    private static final DateTimeFormatter PG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS z");

    /** Statements that took at least {@code minMs}, checkpoints and autovacuum runs, from PostgreSQL's log. */
    static List<Event> postgresEvents(String log, double minMs) {
        List<Event> events = new ArrayList<>();
        for (String line : log.split("\n")) {
            Matcher m = PG_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            long at = micros(ZonedDateTime.parse(m.group(1), PG_TIME).toInstant());
            String message = m.group(2);
            Matcher d = PG_DURATION.matcher(message);
            if (d.matches()) {
                double took = Double.parseDouble(d.group(1));
                if (took >= minMs) {
                    events.add(new Event("PostgreSQL", at - Math.round(took * 1000), at, shorten(d.group(2))));
                }
            } else if (message.startsWith("checkpoint") || message.startsWith("automatic ")) {
                events.add(new Event("PostgreSQL", at, at, shorten(message)));
            }
        }
        return events;
    }

    static Path write(Path root, Result result) throws IOException {
        Path dir = Files.createDirectories(root.resolve("bench/results"));
        Path json = dir.resolve(result.date() + "-risk.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        StringBuilder md = new StringBuilder("# Risk flag → urgent draft, stage by stage (bench/run --risk)\n\n")
                .append(result.traced())
                .append(" of ")
                .append(result.flags())
                .append(" flags traced; ")
                .append(result.gcPauses())
                .append(" GC pauses in intake- and referral-service during the run (longest ")
                .append(result.gcPauseMaxMs())
                .append(" ms); ")
                .append(result.postgresEvents())
                .append(" PostgreSQL events in it (statements ≥ 10 ms, checkpoints, autovacuum).\n\n")
                .append("| stage | p50 ms | p90 ms | p99 ms | max ms |\n|---|---|---|---|---|\n");
        result.stages()
                .forEach(s -> md.append("| ")
                        .append(s.name())
                        .append(" | ")
                        .append(s.p50())
                        .append(" | ")
                        .append(s.p90())
                        .append(" | ")
                        .append(s.p99())
                        .append(" | ")
                        .append(s.max())
                        .append(" |\n"));
        md.append("\n## The slowest flags\n\n");
        for (Slow s : result.slowest()) {
            md.append("- **")
                    .append(s.totalMs())
                    .append(" ms**, flag ")
                    .append(s.order())
                    .append(", posted at ")
                    .append(s.postedAtSecond())
                    .append(" s: ");
            md.append(String.join(
                    ", ",
                    s.stagesMs().entrySet().stream()
                            .map(e -> e.getKey().replaceAll(" \\(.*", "") + " " + e.getValue())
                            .toList()));
            md.append(s.during().isEmpty() ? "; nothing logged in its window\n" : "; in its window:\n");
            s.during().forEach(d -> md.append("  - ").append(d).append('\n'));
        }
        Files.writeString(dir.resolve(result.date() + "-risk.md"), md);
        return json;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 120 ? one.substring(0, 120) + "…" : one;
    }

    private static long micros(java.time.Instant at) {
        return ChronoUnit.MICROS.between(java.time.Instant.EPOCH, at);
    }

    private static double ms(long micros) {
        return Latencies.round(micros / 1000.0);
    }
}
