package org.praxis.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.praxis.testsupport.EmbeddedKafka;
import org.praxis.testsupport.EmbeddedPostgres;
import org.praxis.testsupport.FreePorts;
import org.praxis.testsupport.MockOidcIssuer;

/**
 * The whole suite, once per test JVM: one PostgreSQL with a database per service, one Kafka broker,
 * the OIDC issuer, and the four services as processes from their built jars on free ports.
 */
final class Suite {
    /** The tenant whose admins operate the services' keys (praxis.crypto.operator-tenant). */
    public static final String OPERATOR_TENANT = "st-operator";

    static final List<String> SERVICES =
            List.of("intake-service", "session-service", "referral-service", "assessment-service");
    /**
     * The relay's backoff cap in the suite (30 s by default): the broker outage of FaultsTest reaches it
     * at the relay's second failed send (500 ms, then 1 s; each send gives up after 10 s), about 20 s in,
     * and the relay tries again within a second of the broker's return.
     */
    static final Duration RELAY_MAX_BACKOFF = Duration.ofSeconds(1);
    /**
     * The inbox consumers' session timeout in the suite (Kafka's 45 s by default; the broker's minimum is
     * 6 s): FaultsTest's broker outage outlasts it, and so every client timeout, in seconds.
     */
    static final Duration CONSUMER_SESSION_TIMEOUT = Duration.ofSeconds(10);

    private static Suite shared;

    final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> environments = new LinkedHashMap<>();

    private Suite() {}

    static synchronized Suite shared() {
        if (shared == null) {
            shared = new Suite();
            // Registered first: a start that fails half-way must not leave the started services behind.
            Runtime.getRuntime().addShutdownHook(new Thread(ServiceProcess::stopAll));
            try {
                shared.start();
            } catch (RuntimeException | Error e) {
                ServiceProcess.stopAll();
                throw e;
            }
        }
        return shared;
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    String url(String name) {
        return services.get(name).baseUrl();
    }

    /** The service's management interface (/q/health, /q/metrics). */
    String managementUrl(String name) {
        return services.get(name).managementUrl();
    }

    private void start() {
        Path logs = logs();
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.shared();
        String kafka = EmbeddedKafka.shared().bootstrapServers();
        String issuer = MockOidcIssuer.shared().issuer();
        String serverUrl = pg.jdbcUrl().substring(0, pg.jdbcUrl().lastIndexOf('/') + 1);
        for (String name : SERVICES) {
            String db = name.substring(0, name.indexOf('-'));
            pg.execute("drop database if exists " + db);
            pg.execute("create database " + db);
            Map<String, String> env = new LinkedHashMap<>();
            int port = freePort();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
            // The packaged jar serves /q/health and /q/metrics on its management interface: a port of its own.
            env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(freePort()));
            env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
            env.put("QUARKUS_DATASOURCE_JDBC_URL", serverUrl + db + queryOf(pg.jdbcUrl()));
            env.put("QUARKUS_DATASOURCE_USERNAME", pg.username());
            env.put("QUARKUS_DATASOURCE_PASSWORD", pg.password());
            env.put("KAFKA_BOOTSTRAP_SERVERS", kafka);
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", issuer);
            env.put("QUARKUS_OIDC_TOKEN_AUDIENCE", MockOidcIssuer.AUDIENCE);
            env.put("PRAXIS_OUTBOX_MAX_BACKOFF", RELAY_MAX_BACKOFF.toSeconds() + "s");
            env.put("PRAXIS_KAFKA_CONSUMER_SESSION_TIMEOUT", CONSUMER_SESSION_TIMEOUT.toSeconds() + "s");
            // Keys per service, as each has its own Secret.
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            env.put("PRAXIS_CRYPTO_KEYS", "system-tests:" + Base64.getEncoder().encodeToString(key));
            env.put("PRAXIS_CRYPTO_ACTIVE_KEY", "system-tests");
            env.put("PRAXIS_CRYPTO_OPERATOR_TENANT", OPERATOR_TENANT);
            environments.put(name, env);
            services.put(name, new ServiceProcess(name, port, jar(name), env, logs));
        }
        services.values().forEach(ServiceProcess::start);
        services.values().forEach(s -> s.awaitReady(Duration.ofMinutes(3)));
    }

    /** Every port the suite gave a process (http and management), so no two processes share one. */
    private static final java.util.Set<Integer> GIVEN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * A free loopback port no process of the suite was given before. FreePorts probes a port and lets it
     * go, so it can name the same port twice (it did: two services' management interfaces on one port,
     * the second failing to start while the first answered its readiness).
     */
    static int freePort() {
        while (true) {
            int port = FreePorts.next();
            if (GIVEN.add(port)) {
                return port;
            }
        }
    }

    /** Keeps any query string (zonky adds none today; an external server may). */
    private static String queryOf(String jdbcUrl) {
        int q = jdbcUrl.indexOf('?');
        return q < 0 ? "" : jdbcUrl.substring(q);
    }

    /** Stops every service process of the suite (NoProcessLeftTest, the shutdown hook). */
    static void stopAll() {
        ServiceProcess.stopAll();
    }

    /** Another process of a service on a port of its own, over the same database and broker (not started). */
    ServiceProcess secondReplica(String name) {
        return replica(name, Map.of());
    }

    /** From now on {@code process}, started with {@code env}, is the suite's instance of the service (on its port). */
    synchronized void replace(String name, ServiceProcess process, Map<String, String> env) {
        services.put(name, process);
        environments.put(name, new LinkedHashMap<>(env));
    }

    /** The environment the suite started a service with (its keys, database, broker). */
    Map<String, String> environment(String name) {
        return Map.copyOf(environments.get(name));
    }

    /** Another process of a service with some settings changed (e.g. its keys during a rotation); not started. */
    ServiceProcess replica(String name, Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>(environments.get(name));
        env.putAll(overrides);
        int port = freePort();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // A management port of its own too, unless the caller names one.
        env.put(
                "QUARKUS_MANAGEMENT_PORT",
                overrides.getOrDefault("QUARKUS_MANAGEMENT_PORT", Integer.toString(freePort())));
        return new ServiceProcess(name, port, jar(name), env, logs());
    }

    /** A service's packaged jar, as its module's build left it (the suite's modules sit beside the services'). */
    static Path jar(String name) {
        return Path.of("").toAbsolutePath().getParent().resolve(name + "/target/quarkus-app/quarkus-run.jar");
    }

    /** The running module's target/system-tests: system-tests and fault-tests run side by side, each its own suite. */
    static Path logs() {
        return Path.of("").toAbsolutePath().resolve("target/system-tests");
    }
}
