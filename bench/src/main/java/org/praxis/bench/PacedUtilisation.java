package org.praxis.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench/run --utilisation}: benchmark 1's paced runs at several shares of the closed throughput, each
 * with how busy the machine was while it ran. The report's paced runs ask for 75 %; this shows how their
 * p99 ÷ p50 depends on that choice, measured rather than argued.
 */
final class PacedUtilisation {
    static final List<Double> SHARES = List.of(0.25, 0.5, 0.75);

    /** {@code machineBusy}: share of the machine's CPU busy during the paced run (/proc/stat), 0 to 1. */
    record Point(
            int concurrency,
            double closedThroughput,
            double share,
            LoadGenerator.Run paced,
            double p99OverP50,
            double machineBusy) {}

    record Result(String date, Results.Machine machine, int warmUpSeconds, int runSeconds, List<Point> points) {}

    private PacedUtilisation() {}

    static List<Point> measure(ScreeningThroughput screening, PraxisApi api, List<Integer> concurrency, Duration run)
            throws Exception {
        List<Point> points = new ArrayList<>();
        for (int c : concurrency) {
            LoadGenerator.Run closed = LoadGenerator.closed(c, run, screening::screening);
            api.disconnect();
            for (double share : SHARES) {
                screening.awaitQuiet();
                ProcessFacts.MachineTicks before = ProcessFacts.machineTicks();
                LoadGenerator.Run paced =
                        LoadGenerator.paced(c, Math.max(1, closed.throughput() * share), run, screening::screening);
                double busy = ProcessFacts.machineTicks().busySince(before);
                api.disconnect();
                Point point = point(c, closed.throughput(), share, paced, busy);
                BenchMain.say("  " + row(point));
                points.add(point);
            }
        }
        return points;
    }

    static Point point(int concurrency, double closedThroughput, double share, LoadGenerator.Run paced, double busy) {
        double p50 = paced.latency().p50();
        double ratio = p50 > 0 ? paced.latency().p99() / p50 : 0;
        return new Point(
                concurrency, closedThroughput, share, paced, Latencies.round(ratio), Math.round(busy * 1000) / 1000.0);
    }

    static String markdown(List<Point> points) {
        StringBuilder md = new StringBuilder(
                "| concurrency | closed req/s | paced at | machine busy | paced p50 / p99 ms | p99 ÷ p50 |\n"
                        + "|---|---|---|---|---|---|\n");
        points.forEach(p -> md.append(row(p)).append('\n'));
        return md.toString();
    }

    private static String row(Point p) {
        return String.format(
                Locale.ROOT,
                "| %d | %.0f | %.0f %% (%.0f/s) | %.0f %% | %.2f / %.2f | %.2f |",
                p.concurrency(),
                p.closedThroughput(),
                p.share() * 100,
                p.paced().targetRate(),
                p.machineBusy() * 100,
                p.paced().latency().p50(),
                p.paced().latency().p99(),
                p.p99OverP50());
    }

    /** bench/results/&lt;date&gt;-utilisation.json and .md: kept beside the full runs' results, quoted in FINDINGS. */
    static Path write(Path root, Result result) throws IOException {
        Path dir = Files.createDirectories(root.resolve("bench/results"));
        Path json = dir.resolve(result.date() + "-utilisation.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), result);
        Files.writeString(dir.resolve(result.date() + "-utilisation.md"), markdown(result.points()));
        return json;
    }

    static Result result(Results.Machine machine, int warmUpSeconds, int runSeconds, List<Point> points) {
        return new Result(LocalDate.now().toString(), machine, warmUpSeconds, runSeconds, points);
    }
}
