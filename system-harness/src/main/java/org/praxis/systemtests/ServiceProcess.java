package org.praxis.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service run from its built jar as a separate process, the way it runs in production. */
final class ServiceProcess {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** Every process object the suite made (second replicas too), so none is forgotten at the end. */
    private static final List<ServiceProcess> ALL = new java.util.concurrent.CopyOnWriteArrayList<>();

    final String name;
    final int port;
    /** The management interface's port (QUARKUS_MANAGEMENT_PORT): /q/health and /q/metrics, as the packaged jar serves them. */
    final int managementPort;

    private final Path jar;
    private final Map<String, String> env;
    private final Path log;
    private Process process;

    ServiceProcess(String name, int port, Path jar, Map<String, String> env, Path logDir) {
        this.name = name;
        this.port = port;
        String management = env.get("QUARKUS_MANAGEMENT_PORT");
        if (management == null) {
            throw new IllegalArgumentException(
                    name + ": no QUARKUS_MANAGEMENT_PORT; processes on one host need one each");
        }
        this.managementPort = Integer.parseInt(management);
        this.jar = jar;
        this.env = env;
        this.log = logDir.resolve(name + (ALL.stream().anyMatch(p -> p.name.equals(name)) ? "-" + port : "") + ".log");
        ALL.add(this);
        try {
            Files.deleteIfExists(log); // a fresh log per run; restarts within the run append to it
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where /q/health and /q/metrics answer: the management interface, not the API port. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(
                    jar + " is missing: build the services first (mvn -B verify builds them before this module)");
        }
        // The local stack's runtime; small heaps and C1 only: four services and the test JVM share two cores.
        ProcessBuilder pb = new ProcessBuilder(
                ServiceRuntime.java(),
                "-Xms64m",
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-jar",
                jar.toString());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the readiness check answers 200 (database and Kafka reachable). */
    void awaitReady(Duration deadline) {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            if (process != null && !process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(80));
            }
            if (ready()) {
                return;
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready after " + deadline + ":\n" + tail(80));
    }

    boolean ready() {
        try {
            HttpResponse<Void> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops every service process the suite started, all at once (each SIGTERM, then a kill after 20 s). */
    static void stopAll() {
        ALL.parallelStream().forEach(ServiceProcess::stop);
    }

    /** A hard kill (SIGKILL), as when a node dies. */
    synchronized void kill() {
        if (process == null) {
            return;
        }
        try {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** A graceful stop (SIGTERM), as Kubernetes does; killed if it takes longer than 20 s. */
    synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** The last lines of the service's log, for a failing test's report. */
    String tail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no log yet)";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size())));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
