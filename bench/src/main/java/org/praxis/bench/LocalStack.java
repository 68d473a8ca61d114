package org.praxis.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The stack deploy/local/up started for the benchmarks: where its parts listen, their pids and memory,
 * and how to restart one service. Ports and the run directory come from the same environment variables
 * as deploy/local/lib.sh (bench/run sets them to free ports and bench/.run).
 *
 * <p>Long file: everything the benchmarks ask of the stack in one place — the ports of eight components, pids,
 * CPU and memory readings, a service's restart, the database as its owner or the superuser.
 */
public final class LocalStack {
    /** webhook-service reads every service's events; a stack of an older commit may lack it ({@link #services}). */
    public static final List<String> SERVICES = List.of("intake", "session", "referral", "assessment", "webhook");

    private final Path root;
    private final Path runDir;
    private final Map<String, String> env;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public LocalStack(Path root, Map<String, String> env) {
        this.root = root;
        this.env = env;
        this.runDir = Path.of(env.getOrDefault(
                "PRAXIS_RUN_DIR", root.resolve("deploy/local/.run").toString()));
    }

    public Path root() {
        return root;
    }

    public int port(String component) {
        return switch (component) {
            case "postgres" -> intEnv("PRAXIS_PG_PORT", 15432);
            case "kafka" -> intEnv("PRAXIS_KAFKA_PORT", 19092);
            case "keycloak" -> intEnv("PRAXIS_KEYCLOAK_PORT", 18080);
            case "intake" -> intEnv("PRAXIS_INTAKE_PORT", 8081);
            case "session" -> intEnv("PRAXIS_SESSION_PORT", 8082);
            case "referral" -> intEnv("PRAXIS_REFERRAL_PORT", 8083);
            case "assessment" -> intEnv("PRAXIS_ASSESSMENT_PORT", 8084);
            case "webhook" -> intEnv("PRAXIS_WEBHOOK_PORT", 8085);
            default -> throw new IllegalArgumentException(component);
        };
    }

    /** A service's management interface port (/q/health, /q/metrics), as deploy/local/lib.sh gives it. */
    public int managementPort(String service) {
        return switch (service) {
            case "intake" -> intEnv("PRAXIS_INTAKE_MANAGEMENT_PORT", 9081);
            case "session" -> intEnv("PRAXIS_SESSION_MANAGEMENT_PORT", 9082);
            case "referral" -> intEnv("PRAXIS_REFERRAL_MANAGEMENT_PORT", 9083);
            case "assessment" -> intEnv("PRAXIS_ASSESSMENT_MANAGEMENT_PORT", 9084);
            case "webhook" -> intEnv("PRAXIS_WEBHOOK_MANAGEMENT_PORT", 9085);
            default -> throw new IllegalArgumentException(service);
        };
    }

    /** Where a service's /q/health and /q/metrics answer (the packaged build serves them on its management port). */
    public String managementUrl(String service) {
        return "http://127.0.0.1:" + managementPort(service);
    }

    private int intEnv(String name, int fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    public String baseUrl(String service) {
        return "http://127.0.0.1:" + port(service);
    }

    public String issuer() {
        return "http://127.0.0.1:" + port("keycloak") + "/realms/praxis";
    }

    public String serviceJavaOptions() {
        return env.getOrDefault("PRAXIS_SERVICE_JAVA_OPTS", "-Xms64m -Xmx256m -XX:+UseSerialGC");
    }

    /** The services this stack runs (those deploy/local/up wrote a pid for). */
    public List<String> services() {
        return SERVICES.stream()
                .filter(s -> Files.exists(runDir.resolve("pids/" + s + ".pid")))
                .toList();
    }

    public long pid(String component) throws IOException {
        return Long.parseLong(
                Files.readString(runDir.resolve("pids/" + component + ".pid")).trim());
    }

    /** Resident set size of the component's process, in MiB. */
    public double rssMiB(String component) throws IOException {
        return ProcessFacts.rssKiB(pid(component)) / 1024.0;
    }

    /** CPU used so far, in ms, by each part of the stack and by this driver ("load driver"). */
    public Map<String, Double> cpuMillis() throws IOException {
        Map<String, Double> cpu = new java.util.LinkedHashMap<>();
        for (String service : services()) {
            putIfRunning(cpu, service, () -> ProcessFacts.cpuMillis(pid(service), false));
        }
        putIfRunning(cpu, "postgres", () -> ProcessFacts.cpuMillisWithChildren(pid("postgres")));
        putIfRunning(cpu, "kafka", () -> ProcessFacts.cpuMillis(pid("kafka"), false));
        putIfRunning(cpu, "keycloak", () -> ProcessFacts.cpuMillis(pid("keycloak"), true));
        cpu.put("load driver", ProcessFacts.cpuMillis(ProcessHandle.current().pid(), false));
        return cpu;
    }

    /** CPU per request, in ms, of each part between two readings of {@link #cpuMillis} around a run. */
    static Map<String, Double> perRequest(
            Map<String, Double> before, Map<String, Double> after, LoadGenerator.Run run) {
        Map<String, Double> perRequest = new java.util.LinkedHashMap<>();
        after.forEach((part, ms) -> {
            if (before.containsKey(part)) {
                perRequest.put(part, Latencies.round((ms - before.get(part)) / Math.max(1, run.ok() + run.failed())));
            }
        });
        return perRequest;
    }

    /** All processes' CPU per request, in ms, from {@link #perRequest}. */
    static double total(Map<String, Double> cpuMsPerRequest) {
        return Latencies.round(cpuMsPerRequest.values().stream()
                .mapToDouble(Double::doubleValue)
                .sum());
    }

    private interface CpuReading {
        double read() throws IOException;
    }

    /** A part that is not running (stopped on purpose, say) is left out rather than failing the run. */
    private static void putIfRunning(Map<String, Double> cpu, String part, CpuReading reading) {
        try {
            cpu.put(part, reading.read());
        } catch (IOException | RuntimeException notRunning) {
            // left out
        }
    }

    /**
     * Stops one service, starts it again with deploy/local/up and returns the seconds from its
     * process start (the kernel's record) to the first 200 from /q/health/ready (polled every 10 ms).
     */
    public double restartAndTimeToReady(String service) throws IOException, InterruptedException {
        runScript("down", service);
        Process up = new ProcessBuilder(root.resolve("deploy/local/up").toString(), service)
                .redirectErrorStream(true)
                .redirectOutput(
                        runDir.resolve("logs/bench-up-" + service + ".log").toFile())
                .start();
        double readyAt = readyAt(
                URI.create(managementUrl(service) + "/q/health/ready"),
                () -> !up.isAlive() && up.exitValue() != 0,
                service + " did not become ready; see " + runDir.resolve("logs"));
        double startedAt = ProcessFacts.startUptimeSeconds(pid(service));
        if (!up.waitFor(60, TimeUnit.SECONDS) || up.exitValue() != 0) {
            throw new IllegalStateException("deploy/local/up " + service + " failed");
        }
        return Latencies.round(readyAt - startedAt);
    }

    /**
     * The machine's uptime, in seconds, at the first 200 from {@code ready}, polled every 10 ms; gives up after 180 s
     * or once {@code failed} says the process will not get there.
     */
    double readyAt(URI ready, BooleanSupplier failed, String failure) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!isOk(ready)) {
            if (System.nanoTime() > deadline || failed.getAsBoolean()) {
                throw new IllegalStateException(failure);
            }
            Thread.sleep(10);
        }
        return ProcessFacts.uptimeSeconds();
    }

    /** Whether {@code uri} answers 200 now (a refused connection is a no). */
    private boolean isOk(URI uri) {
        try {
            return http.send(
                                    HttpRequest.newBuilder(uri)
                                            .timeout(Duration.ofSeconds(2))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void runScript(String script, String... args) throws IOException, InterruptedException {
        List<String> command =
                new ArrayList<>(List.of(root.resolve("deploy/local/" + script).toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("deploy/local/" + script + " " + String.join(" ", args) + " failed");
        }
    }

    /** The PostgreSQL binaries deploy/local/up used (pgbench among them). */
    public Path postgresBin() throws IOException {
        return Path.of(Files.readString(runDir.resolve("pg-bin")).trim());
    }

    public Path postgresLog() {
        return runDir.resolve("logs/postgres.log");
    }

    /** What PostgreSQL logged from byte {@code offset} of its log on (an earlier {@code Files.size} of it). */
    public String postgresLogFrom(long offset) throws IOException {
        byte[] all = Files.readAllBytes(postgresLog());
        return new String(
                all,
                (int) Math.min(offset, all.length),
                (int) Math.max(0, all.length - offset),
                StandardCharsets.UTF_8);
    }

    public Path runDir() {
        return runDir;
    }

    /** Connected as the service's own database owner, the user the service itself connects as. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + port("postgres") + "/" + database, database, database);
    }

    /** SQL as the superuser, over the local socket (settings only the superuser may change). */
    public String superuserSql(String database, String... statements) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (ProcessFacts.isRoot()) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(
                postgresBin().resolve("psql").toString(),
                "-h",
                runDir.resolve("pgsock").toString(),
                "-p",
                String.valueOf(port("postgres")),
                "-U",
                "postgres",
                "-d",
                database,
                "-qAt",
                "-v",
                "ON_ERROR_STOP=1"));
        // One -c each: ALTER SYSTEM may not run inside the transaction a multi-statement string gets.
        for (String sql : statements) {
            command.addAll(List.of("-c", sql));
        }
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + String.join("; ", statements) + "\n" + out);
        }
        return out.trim();
    }
}
