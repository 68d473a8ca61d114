package org.praxis.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything one run of bench/run measured, as written to bench/results/&lt;date&gt;.json. Files of older
 * runs lack later fields (ceiling b, the reads, the profile's CPU-time samples and threads, the floor): they read as null
 * and the report says "not measured" or leaves the table out.
 */
public record Results(
        String date,
        String mode,
        double totalSeconds,
        Machine machine,
        Settings settings,
        ScreeningThroughput.Result screening,
        RiskPropagation.Result riskPropagation,
        ListsAtScale.Result lists,
        List<StartupAndMemory.Startup> startup,
        Map<String, Map<String, Double>> rssMiB,
        String nativeMode,
        ReadThroughput.Result reads,
        Map<String, Double> intakeProfile,
        Map<String, Double> intakeCpuTimeProfile,
        Map<String, Double> intakeThreadCpuMsPerRequest,
        QuarkusFloor.Result floor) {

    /** This run with benchmark 6's figures replaced (a report of a run that had none, in the driver's tests). */
    Results withFloor(QuarkusFloor.Result otherFloor) {
        return new Results(
                date,
                mode,
                totalSeconds,
                machine,
                settings,
                screening,
                riskPropagation,
                lists,
                startup,
                rssMiB,
                nativeMode,
                reads,
                intakeProfile,
                intakeCpuTimeProfile,
                intakeThreadCpuMsPerRequest,
                otherFloor);
    }

    public record Machine(
            String cpu,
            int cores,
            double memoryGiB,
            String os,
            String kernel,
            String java,
            String postgres,
            String kafka,
            String keycloak,
            String quarkus,
            String commit) {

        /** What this run ran on, read from /proc, the JVM, PostgreSQL and the project. */
        static Machine of(LocalStack stack, Path root) throws Exception {
            String cpu = firstMatch(Files.readString(Path.of("/proc/cpuinfo")), "model name\\s*:\\s*(.+)", "unknown");
            double memGiB =
                    Long.parseLong(firstMatch(Files.readString(Path.of("/proc/meminfo")), "MemTotal:\\s*(\\d+)", "0"))
                            / 1024.0
                            / 1024.0;
            String os = Files.exists(Path.of("/etc/os-release"))
                    ? firstMatch(Files.readString(Path.of("/etc/os-release")), "PRETTY_NAME=\"?([^\"\\n]+)", "Linux")
                    : "Linux";
            String kernel =
                    Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
            String java = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
            String postgres = stack.superuserSql("postgres", "select version()").replaceAll(" on x86_64.*", "");
            String quarkus =
                    firstMatch(Files.readString(root.resolve("pom.xml")), "<quarkus.platform.version>([^<]+)<", "?");
            return new Machine(
                    cpu,
                    Runtime.getRuntime().availableProcessors(),
                    Latencies.round(memGiB),
                    os,
                    kernel,
                    java,
                    postgres,
                    System.getenv().getOrDefault("KAFKA_VERSION", "?"),
                    System.getenv().getOrDefault("KEYCLOAK_VERSION", "?"),
                    quarkus,
                    command(root, "git", "describe", "--always", "--dirty"));
        }

        static String firstMatch(String text, String regex, String fallback) {
            Matcher m = Pattern.compile(regex).matcher(text);
            return m.find() ? m.group(1).trim() : fallback;
        }

        static String command(Path dir, String... command) {
            try {
                Process p = new ProcessBuilder(command)
                        .directory(dir.toFile())
                        .redirectErrorStream(true)
                        .start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                return p.waitFor() == 0 ? out : "?";
            } catch (IOException | InterruptedException e) {
                return "?";
            }
        }
    }

    public record Settings(
            String serviceJavaOptions,
            int dbPoolSize,
            String outboxPollInterval,
            Map<String, String> postgres,
            int warmUpSeconds,
            int levelSeconds,
            List<Integer> concurrency,
            double pacedShare,
            int restartsPerService) {}
}
