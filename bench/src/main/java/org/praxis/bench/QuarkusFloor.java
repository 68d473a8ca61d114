package org.praxis.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark 6, the floor: two Quarkus applications with none of the services' code ({@code bench/floor}), started
 * and loaded as the services are: the same java, JVM options and AOT cache, the stack's PostgreSQL and Keycloak.
 * {@code bare} has quarkus-rest-jackson and one GET; {@code stack} has the services' extensions (Hibernate ORM,
 * Flyway, OIDC, Kafka's client, OpenAPI, health, metrics, validation) and one authenticated POST inserting a row.
 * What {@code stack} costs, every service costs before any rule of its own runs: a target beyond it is beyond what
 * a change to the services' code can reach on this machine and this stack.
 */
final class QuarkusFloor {
    static final List<String> APPS = List.of("bare", "stack");
    /** The concurrencies of benchmark 1 that the throughput targets name. */
    static final List<Integer> CONCURRENCY = List.of(8, 32);

    /** One application's starts (process start to its first 200) and its memory two seconds after the last. */
    record Start(String app, List<Double> secondsToReady, double medianSeconds, double idleRssMiB) {}

    /** A closed run of {@code stack}'s POST: its throughput and latency, and the CPU its process used per request. */
    record Load(int concurrency, double throughput, Latencies latency, long failed, double cpuMsPerRequest) {}

    record Result(List<Start> starts, JitCompilers.WarmUp warmUp, List<Load> loads, double rssAfterLoadMiB) {
        Start start(String app) {
            return starts.stream().filter(s -> s.app().equals(app)).findFirst().orElse(null);
        }

        Load at(int concurrency) {
            return loads.stream()
                    .filter(l -> l.concurrency() == concurrency)
                    .findFirst()
                    .orElse(null);
        }
    }

    private record Running(Process process, int port) {}

    private final LocalStack stack;
    private final PraxisApi api;
    private final Path work;
    /** The java this driver runs on: bench/run starts it with the services' own. */
    private final String java = ProcessHandle.current().info().command().orElse("java");

    QuarkusFloor(LocalStack stack, PraxisApi api, Path work) {
        this.stack = stack;
        this.api = api;
        this.work = work;
    }

    Result run(Plan plan) throws Exception {
        stack.superuserSql("postgres", "create role floor login password 'floor'", "create database floor owner floor");
        List<Start> starts = new ArrayList<>();
        Running running = null;
        for (String app : APPS) {
            int port = freePort();
            train(app, port);
            List<Double> times = new ArrayList<>();
            for (int i = 0; i < plan.restarts(); i++) {
                stop(running);
                running = start(app, port, cacheOption(app));
                times.add(secondsToReady(running, app));
            }
            Thread.sleep(2000); // as benchmark 4: start-up work settles before memory is read
            starts.add(new Start(
                    app,
                    times,
                    StartupAndMemory.median(times),
                    Latencies.round(ProcessFacts.rssKiB(running.process().pid()) / 1024.0)));
            if (!app.equals("stack")) {
                stop(running);
                running = null;
            }
        }
        long pid = running.process().pid();
        int port = running.port();
        LoadGenerator.Request post = () -> api.postToPort(
                                ScreeningThroughput.USER,
                                port,
                                "/notes",
                                Map.of("text", "A line about as long as a short answer."))
                        .statusCode()
                == 200;
        JitCompilers.WarmUp warmUp = new JitCompilers(() -> Map.of("floor", pid))
                .warmUp(
                        Duration.ofSeconds(plan.readWarmUpSeconds()),
                        Duration.ofSeconds(plan.readWarmUpAtMostSeconds()),
                        d -> LoadGenerator.closed(8, d, post));
        api.disconnect();
        List<Load> loads = new ArrayList<>();
        for (int c : CONCURRENCY) {
            double cpuBefore = ProcessFacts.cpuMillis(pid, false);
            LoadGenerator.Run closed = LoadGenerator.closed(c, Duration.ofSeconds(plan.levelSeconds()), post);
            double cpu = ProcessFacts.cpuMillis(pid, false) - cpuBefore;
            api.disconnect();
            loads.add(new Load(
                    c,
                    closed.throughput(),
                    closed.latency(),
                    closed.failed(),
                    Math.round(cpu / Math.max(1, closed.ok()) * 1000) / 1000.0));
        }
        double rss = Latencies.round(ProcessFacts.rssKiB(pid) / 1024.0);
        stop(running);
        return new Result(starts, warmUp, loads, rss);
    }

    /** On JDK 25 or later, a start recorded into an AOT cache first, as deploy/local/up trains the services'. */
    private void train(String app, int port) throws Exception {
        Files.deleteIfExists(cache(app));
        if (Runtime.version().feature() < 25) {
            return;
        }
        Running training = start(app, port, List.of("-XX:AOTCacheOutput=" + cache(app)));
        secondsToReady(training, app);
        if (app.equals("stack")) {
            api.postToPort(ScreeningThroughput.USER, port, "/notes", Map.of("text", "training"));
            api.disconnect();
        }
        stop(training); // the JVM writes the cache as it exits
    }

    private List<String> cacheOption(String app) {
        return Files.exists(cache(app)) ? List.of("-XX:AOTCache=" + cache(app)) : List.of();
    }

    private Path cache(String app) {
        return work.resolve("floor-" + app + ".aot");
    }

    private Running start(String app, int port, List<String> cacheOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(stack.serviceJavaOptions().trim().split("\\s+")));
        command.addAll(cacheOptions);
        command.addAll(List.of("-jar", jar(app).toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(app).toFile()));
        Map<String, String> env = builder.environment();
        env.putAll(Map.of("QUARKUS_HTTP_HOST", "127.0.0.1", "QUARKUS_HTTP_PORT", String.valueOf(port)));
        if (app.equals("stack")) {
            env.putAll(new HashMap<>(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:postgresql://127.0.0.1:" + stack.port("postgres") + "/floor",
                    "QUARKUS_DATASOURCE_USERNAME",
                    "floor",
                    "QUARKUS_DATASOURCE_PASSWORD",
                    "floor",
                    "QUARKUS_OIDC_AUTH_SERVER_URL",
                    stack.issuer())));
        }
        return new Running(builder.start(), port);
    }

    /** Seconds from the process's start (the kernel's record) to the first 200 from its probe, polled every 10 ms. */
    private double secondsToReady(Running running, String app) throws Exception {
        URI probe =
                URI.create("http://127.0.0.1:" + running.port() + (app.equals("stack") ? "/q/health/ready" : "/hello"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!stack.isOk(probe)) {
            if (!running.process().isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("floor-" + app + " did not become ready; see " + log(app));
            }
            Thread.sleep(10);
        }
        double readyAt = ProcessFacts.uptimeSeconds();
        return Latencies.round(
                readyAt - ProcessFacts.startUptimeSeconds(running.process().pid()));
    }

    private static void stop(Running running) throws InterruptedException {
        if (running == null) {
            return;
        }
        running.process().destroy();
        if (!running.process().waitFor(60, TimeUnit.SECONDS)) {
            running.process().destroyForcibly().waitFor();
        }
    }

    private Path jar(String app) {
        return stack.root().resolve("bench/floor/" + app + "/target/quarkus-app/quarkus-run.jar");
    }

    private Path log(String app) {
        return work.resolve("floor-" + app + ".log");
    }

    /** Below Linux's ephemeral range (32768-60999), where client sockets could take it between two starts. */
    private static int freePort() {
        while (true) {
            int port = ThreadLocalRandom.current().nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // another one
            }
        }
    }
}
