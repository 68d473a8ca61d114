package org.praxis.bench;

import static org.praxis.bench.Report.f;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's profile of intake-service (bench/run --profile), under benchmark 1's CPU table. */
final class ProfileSection {
    private ProfileSection() {}

    /**
     * bench/run --profile: the two samplers' package shares side by side, and each group of threads' CPU per
     * screening from /proc (results written before the second sampler and the threads were measured lack them).
     */
    static void profile(StringBuilder md, Results r) {
        List<ScreeningThroughput.Level> levels = r.screening().levels();
        Map<String, Double> cpuTime = r.intakeCpuTimeProfile() == null ? Map.of() : r.intakeCpuTimeProfile();
        md.append("Where intake-service's CPU went in a closed run at c=")
                .append(levels.get(levels.size() - 1).concurrency())
                .append(" (`bench/run --profile`: an extra run after the measured ones, as the recording costs CPU). "
                        + "Each JFR sample is counted for the package of its innermost frame outside the JDK. The "
                        + "execution sampler stops threads at intervals and may count a sample for a call site when "
                        + "the code it stopped in has no Java frame of its own; the CPU-time sampler (JDK 25, Linux) "
                        + "takes one sample per slice of CPU a thread used; – : counted among *other*.\n\n"
                        + "| package | share of execution samples | share of CPU-time samples |\n|---|---|---|\n");
        LinkedHashSet<String> packages = new LinkedHashSet<>(cpuTime.keySet());
        packages.addAll(r.intakeProfile().keySet());
        packages.remove("other");
        packages.add("other");
        for (String pkg : packages) {
            md.append("| `")
                    .append(pkg)
                    .append("` | ")
                    .append(share(r.intakeProfile().get(pkg)))
                    .append(" | ")
                    .append(cpuTime.isEmpty() ? "not measured" : share(cpuTime.get(pkg)))
                    .append(" |\n");
        }
        md.append('\n');
        Map<String, Double> threads = r.intakeThreadCpuMsPerRequest();
        if (threads == null || threads.isEmpty()) {
            return;
        }
        double total =
                threads.values().stream().mapToDouble(Double::doubleValue).sum();
        md.append("The same run's CPU by intake-service's threads, from `/proc/<pid>/task` (no sampling; Linux keeps "
                + "15 characters of a thread's name; a pool's threads are summed), in ms per screening:\n\n"
                + "| threads | ms per screening | share |\n|---|---|---|\n");
        double shown = 0;
        for (Map.Entry<String, Double> t : threads.entrySet()) {
            if (t.getValue() / total < 0.01) {
                continue;
            }
            shown += t.getValue();
            md.append("| `")
                    .append(t.getKey())
                    .append("` | ")
                    .append(String.format(Locale.ROOT, "%.3f", t.getValue()))
                    .append(" | ")
                    .append(f(Latencies.round(100 * t.getValue() / total)))
                    .append(" % |\n");
        }
        md.append("| others, each under 1 % | ")
                .append(String.format(Locale.ROOT, "%.3f", total - shown))
                .append(" | ")
                .append(f(Latencies.round(100 * (total - shown) / total)))
                .append(" % |\n| all | ")
                .append(String.format(Locale.ROOT, "%.3f", total))
                .append(" | 100 % |\n\n");
    }

    private static String share(Double share) {
        return share == null ? "–" : f(share) + " %";
    }
}
