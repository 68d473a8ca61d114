package org.praxis.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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

    /**
     * One application's starts (process start to its first 200), its memory two seconds after the last, and whether
     * those starts had an AOT cache (a training whose JVM did not write one leaves them without).
     */
    record Start(String app, List<Double> secondsToReady, double medianSeconds, double idleRssMiB, boolean aotCache) {}

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
    /** The services' java: bench/run starts this driver with it, so the floor has an AOT cache when they do. */
    private final String java = ProcessHandle.current().info().command().orElse("java");

    QuarkusFloor(LocalStack stack, PraxisApi api, Path work) {
        this.stack = stack;
        this.api = api;
        this.work = work;
    }

    Result run(Plan plan) throws Exception {
        // The machine's busy share with the stack idle, before any floor process: each closed run starts near it.
        double quiet = ProcessFacts.busyOver(Duration.ofSeconds(5)) + ScreeningThroughput.QUIET_MARGIN;
        stack.superuserSql(
                "postgres",
                "drop database if exists floor",
                "drop role if exists floor",
                "create role floor login password 'floor'",
                "create database floor owner floor");
        List<Start> starts = new ArrayList<>();
        Running stackApp = null;
        try {
            for (String app : APPS) {
                Running last = null;
                try {
                    int port = freePort();
                    train(app, port);
                    List<Double> times = new ArrayList<>();
                    for (int i = 0; i < plan.restarts(); i++) {
                        stop(last);
                        last = start(app, port, cacheOption(app));
                        times.add(secondsToReady(last, app));
                    }
                    Thread.sleep(2000); // as benchmark 4: start-up work settles before memory is read
                    starts.add(new Start(
                            app,
                            times,
                            StartupAndMemory.median(times),
                            rssMiB(last),
                            !cacheOption(app).isEmpty()));
                } finally {
                    if (app.equals("stack")) {
                        stackApp = last; // loaded next, then stopped below
                    } else {
                        stop(last);
                    }
                }
            }
            return load(plan, stackApp, starts, quiet);
        } finally {
            stop(stackApp);
            // Its rows are not benchmark 1's business: the database the services share is as it was.
            stack.superuserSql("postgres", "drop database if exists floor", "drop role if exists floor");
        }
    }

    /** {@code stack}'s POST after a warm-up until its compilers are quiet, closed at each concurrency. */
    private Result load(Plan plan, Running stackApp, List<Start> starts, double quiet) throws Exception {
        long pid = stackApp.process().pid();
        int port = stackApp.port();
        LoadGenerator.Request post = () -> api.postToPort(
                                ScreeningThroughput.USER,
                                port,
                                "/notes",
                                Map.of("text", "A line about as long as a short answer."))
                        .statusCode()
                == 200;
        ProcessFacts.awaitQuiet(quiet, ScreeningThroughput.QUIET_AT_MOST);
        JitCompilers.WarmUp warmUp = new JitCompilers(() -> Map.of("floor", pid))
                .warmUp(
                        Duration.ofSeconds(plan.readWarmUpSeconds()),
                        Duration.ofSeconds(plan.readWarmUpAtMostSeconds()),
                        d -> LoadGenerator.closed(8, d, post));
        api.disconnect();
        List<Load> loads = new ArrayList<>();
        for (int c : CONCURRENCY) {
            ProcessFacts.awaitQuiet(quiet, ScreeningThroughput.QUIET_AT_MOST);
            Map<String, Double> before = Map.of("floor", ProcessFacts.cpuMillis(pid, false));
            LoadGenerator.Run closed = LoadGenerator.closed(c, Duration.ofSeconds(plan.levelSeconds()), post);
            Map<String, Double> after = Map.of("floor", ProcessFacts.cpuMillis(pid, false));
            api.disconnect();
            loads.add(new Load(
                    c,
                    closed.throughput(),
                    closed.latency(),
                    closed.failed(),
                    LocalStack.perRequest(before, after, closed).get("floor")));
        }
        return new Result(starts, warmUp, loads, rssMiB(stackApp));
    }

    /**
     * On JDK 25 or later, a start recorded into an AOT cache first, as deploy/local/up trains the services': until
     * ready, one request through the application's security (refused without a token) and, on {@code stack}, its
     * metrics, then stopped, and the JVM writes the cache as it exits.
     */
    private void train(String app, int port) throws Exception {
        Files.deleteIfExists(cache(app));
        if (Runtime.version().feature() < 25) {
            return;
        }
        Running training = start(app, port, List.of("-XX:AOTCacheOutput=" + cache(app)));
        try {
            secondsToReady(training, app);
            try (HttpConnection http = new HttpConnection("127.0.0.1", port)) {
                if (app.equals("stack")) {
                    http.send("POST", "/notes", "application/json", "{}"); // 401: no token
                    http.send("GET", "/q/metrics", null, null);
                } else {
                    http.send("GET", "/hello", null, null);
                }
            }
        } finally {
            stop(training);
        }
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
            env.putAll(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL",
                    "jdbc:postgresql://127.0.0.1:" + stack.port("postgres") + "/floor",
                    "QUARKUS_DATASOURCE_USERNAME",
                    "floor",
                    "QUARKUS_DATASOURCE_PASSWORD",
                    "floor",
                    "QUARKUS_OIDC_AUTH_SERVER_URL",
                    stack.issuer()));
        }
        return new Running(builder.start(), port);
    }

    /** Seconds from the process's start (the kernel's record) to the first 200 from its probe, as benchmark 4's. */
    private double secondsToReady(Running running, String app) throws Exception {
        URI probe =
                URI.create("http://127.0.0.1:" + running.port() + (app.equals("stack") ? "/q/health/ready" : "/hello"));
        double readyAt = stack.readyAt(
                probe, () -> !running.process().isAlive(), "floor-" + app + " did not become ready; see " + log(app));
        return Latencies.round(
                readyAt - ProcessFacts.startUptimeSeconds(running.process().pid()));
    }

    private static double rssMiB(Running running) throws IOException {
        return Latencies.round(ProcessFacts.rssKiB(running.process().pid()) / 1024.0);
    }

    /** As deploy/local/up stops a training JVM: up to 180 s to exit (and write its cache), then killed. */
    private static void stop(Running running) throws InterruptedException {
        if (running == null) {
            return;
        }
        running.process().destroy();
        if (!running.process().waitFor(180, TimeUnit.SECONDS)) {
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
