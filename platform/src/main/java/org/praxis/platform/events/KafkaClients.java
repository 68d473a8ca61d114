package org.praxis.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.praxis.platform.PraxisConfig;

/**
 * Producer and consumer settings the relay, the inbox and the dead-letter path share. The relay's and
 * the inbox's clients report Kafka's own client metrics on {@code /q/metrics} (Quarkus binds only the
 * clients it creates itself), among them the inbox's lag, {@code kafka_consumer_fetch_manager_records_lag}
 * per topic and partition; their meters go when the client closes, so a consumer the inbox recreates
 * under the same client id is never shown with the closed one's values.
 */
@ApplicationScoped
public class KafkaClients {
    @Inject
    MeterRegistry registry;

    @Inject
    PraxisConfig config;

    /** praxis.kafka.metrics-refresh, read once (a field, so a plain unit test can set it). */
    Duration metricsRefresh;
    /** praxis.kafka.consumer-session-timeout, read once (likewise). */
    Duration sessionTimeout;
    /** One thread refreshes the meters of every client (each binder would otherwise start its own). */
    private ScheduledExecutorService metricsRefresher;

    @PostConstruct
    void init() {
        metricsRefresh = config.kafka().metricsRefresh();
        sessionTimeout = config.kafka().consumerSessionTimeout();
        startRefreshing();
    }

    void startRefreshing() {
        metricsRefresher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kafka-client-metrics");
            t.setDaemon(true);
            return t;
        });
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /**
     * How to reach a secured broker (in Kubernetes: Strimzi's TLS listener with SCRAM users), e.g.
     * KAFKA_SECURITY_PROTOCOL=SASL_SSL, KAFKA_SASL_MECHANISM=SCRAM-SHA-512, KAFKA_SASL_JAAS_CONFIG from
     * the KafkaUser's secret, KAFKA_SSL_TRUSTSTORE_TYPE=PEM and KAFKA_SSL_TRUSTSTORE_LOCATION the
     * cluster CA. Unset locally and in tests: plain text on loopback.
     */
    @ConfigProperty(name = "kafka.security.protocol")
    Optional<String> securityProtocol;

    @ConfigProperty(name = "kafka.sasl.mechanism")
    Optional<String> saslMechanism;

    @ConfigProperty(name = "kafka.sasl.jaas.config")
    Optional<String> saslJaasConfig;

    @ConfigProperty(name = "kafka.ssl.truststore.type")
    Optional<String> truststoreType;

    @ConfigProperty(name = "kafka.ssl.truststore.location")
    Optional<String> truststoreLocation;

    /** The connection settings every client shares. */
    Properties connection() {
        Properties p = new Properties();
        p.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        securityProtocol.ifPresent(v -> p.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, v));
        saslMechanism.ifPresent(v -> p.put(SaslConfigs.SASL_MECHANISM, v));
        saslJaasConfig.ifPresent(v -> p.put(SaslConfigs.SASL_JAAS_CONFIG, v));
        truststoreType.ifPresent(v -> p.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, v));
        truststoreLocation.ifPresent(v -> p.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, v));
        return p;
    }

    /** Idempotent, acks=all: a retried send never writes twice, an acknowledged one is on every replica. */
    public KafkaProducer<String, String> producer(String clientId) {
        Properties p = connection();
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        // Fail fast while the broker is away; the outbox keeps the rows and the relay backs off.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        return new MeteredProducer(p, this);
    }

    /**
     * A consumer without a group, for reading a topic by assignment (the dead-letter list); it commits
     * nothing. Not metered: it lives for one request, and the lag of the dead-letter topics it seeks
     * around in is no one's backlog.
     */
    public KafkaConsumer<String, String> reader(String clientId) {
        Properties p = connection();
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new KafkaConsumer<>(p);
    }

    /** Offsets are committed by hand after the inbox transaction, never automatically. */
    public KafkaConsumer<String, String> consumer(String groupId, String clientId, String autoOffsetReset) {
        Properties p = connection();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, autoOffsetReset);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 100);
        p.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        // Kafka's 3 s, or a third of a shorter session, as the heartbeat must fit several times into it.
        p.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.min(3_000, sessionTimeout.toMillis() / 3));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return new MeteredConsumer(p, this);
    }

    private KafkaClientMetrics bind(KafkaClientMetrics metrics) {
        metrics.bindTo(registry);
        return metrics;
    }

    @PreDestroy
    void stopRefreshing() {
        metricsRefresher.shutdownNow();
    }

    /** A consumer whose meters are removed when it closes. */
    private static final class MeteredConsumer extends KafkaConsumer<String, String> {
        private final KafkaClientMetrics metrics;

        MeteredConsumer(Properties p, KafkaClients clients) {
            super(p);
            metrics = clients.bind(
                    new KafkaClientMetrics(this, List.of(), clients.metricsRefresher, clients.metricsRefresh));
        }

        @Override
        public void close() {
            metrics.close();
            super.close();
        }

        @Override
        public void close(CloseOptions options) {
            metrics.close();
            super.close(options);
        }

        @Override
        @Deprecated
        public void close(Duration timeout) {
            metrics.close();
            super.close(timeout);
        }
    }

    /** A producer whose meters are removed when it closes. */
    private static final class MeteredProducer extends KafkaProducer<String, String> {
        private final KafkaClientMetrics metrics;

        MeteredProducer(Properties p, KafkaClients clients) {
            super(p);
            metrics = clients.bind(
                    new KafkaClientMetrics(this, List.of(), clients.metricsRefresher, clients.metricsRefresh));
        }

        @Override
        public void close() {
            metrics.close();
            super.close();
        }

        @Override
        public void close(Duration timeout) {
            metrics.close();
            super.close(timeout);
        }
    }
}
