package org.praxis.bench;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What else took time while a risk flag travelled ({@link RiskStages}): the services' GC pauses and safepoints
 * ({@code -Xlog:gc,safepoint} with the time decoration) and what PostgreSQL logged (slow statements, checkpoints,
 * autovacuum), each as an interval on the wall clock.
 */
final class StallLogs {
    /** Something that took the time in a window: a GC pause, a slow statement, a checkpoint, an autovacuum. */
    record Event(String source, long start, long end, String what) {
        boolean overlaps(long from, long to) {
            return start <= to && end >= from;
        }

        String describe(long flagPosted) {
            return source + " at +" + Latencies.ms(start - flagPosted) + " ms for " + Latencies.ms(end - start)
                    + " ms: " + what;
        }
    }

    private StallLogs() {}

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

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 120 ? one.substring(0, 120) + "…" : one;
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }
}
